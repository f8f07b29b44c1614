using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class GetProspectEndpoint
{
    [WolverineGet("/api/units/{unit}/prospects/{id}")]
    [Tags("Prospects")]
    public static async Task<ProspectView> Get(
        [ReadAggregate] Prospect prospect, IQuerySession session, PersonalDataProtector protector, CancellationToken cancellation) =>
        ProspectPersonalData.Open(protector, prospect, await session.LoadAsync<PersonKey>(prospect.Id, cancellation));
}

/// <summary>The district's prospects, optionally by pipeline status, activity or collection-service organisation.</summary>
public static class ListProspectsEndpoint
{
    [WolverineGet("/api/units/{unit}/prospects")]
    [Tags("Prospects")]
    public static async Task<IReadOnlyList<ProspectView>> Get(
        string unit, IQuerySession session, PersonalDataProtector protector, ProspectStatus? status, Guid? activityId, Guid? organisationId, CancellationToken cancellation)
    {
        var query = session.Query<Prospect>().AsQueryable();
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
        return await ProspectPersonalData.OpenAsync(protector, session, prospects, cancellation);
    }
}
