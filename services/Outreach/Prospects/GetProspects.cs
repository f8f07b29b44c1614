using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class GetProspectEndpoint
{
    /// <summary>
    /// One prospect with their personal data opened (the read is logged with its purpose, see <see cref="PersonalDataRead"/>); masked for an auditor, and for a collection agent
    /// only a prospect handed to its organisation.
    /// </summary>
    [WolverineGet("/api/units/{unit}/prospects/{id}")]
    [Tags("Prospects")]
    [FiltersByOrganisation]
    public static async Task<ProspectView?> Get(
        [ReadAggregate] Prospect prospect, IDocumentSession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        if (!context.Reaches(prospect.CollectionOrganisationId))
        {
            return null;
        }

        var view = ProspectPersonalData.Open(protector, prospect, await session.LoadAsync<PersonKey>(prospect.Id, cancellation));
        PersonalDataReadLog.Record(session, context, view.Erased ? [] : [prospect.Id], PersonalDataPurposes.CaseWork);
        return context.MasksPersonalData() ? view.Masked() : view;
    }
}

/// <summary>
/// The district's prospects, optionally by pipeline status, activity or collection-service organisation;
/// masked for an auditor, and for a collection agent only those handed to its organisation.
/// </summary>
public static class ListProspectsEndpoint
{
    [WolverineGet("/api/units/{unit}/prospects")]
    [Tags("Prospects")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<ProspectView>> Get(
        string unit, IDocumentSession session, PersonalDataProtector protector, ProspectStatus? status, Guid? activityId, Guid? organisationId,
        HttpContext context, CancellationToken cancellation)
    {
        var query = session.Query<Prospect>().AsQueryable();
        if (context.OrganisationScope() is { } own)
        {
            query = query.Where(p => p.CollectionOrganisationId == own);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        if (activityId is { } a)
        {
            query = query.Where(p => p.ActivityId == a);
        }

        if (organisationId is { } o)
        {
            query = query.Where(p => p.CollectionOrganisationId == o);
        }

        var prospects = await query.OrderBy(p => p.Id).Take(1000).ToListAsync(cancellation);
        var views = await ProspectPersonalData.OpenAsync(protector, session, prospects, cancellation);
        PersonalDataReadLog.Record(session, context, [.. views.Where(v => !v.Erased).Select(v => v.Id)], PersonalDataPurposes.ListWork);
        return context.MasksPersonalData() ? [.. views.Select(v => v.Masked())] : views;
    }
}
