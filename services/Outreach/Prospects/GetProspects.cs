using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class GetProspectEndpoint
{
    [WolverineGet("/api/units/{unit}/prospects/{id}")]
    [Tags("Prospects")]
    public static Prospect Get([ReadAggregate] Prospect prospect) => prospect;
}

/// <summary>The district's prospects, optionally by pipeline status, activity or collection-service organisation.</summary>
public static class ListProspectsEndpoint
{
    [WolverineGet("/api/units/{unit}/prospects")]
    [Tags("Prospects")]
    public static async Task<IReadOnlyList<Prospect>> Get(
        string unit, IQuerySession session, ProspectStatus? status, Guid? activityId, Guid? organisationId, CancellationToken cancellation)
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

        return await query.OrderBy(p => p.Id).Take(1000).ToListAsync(cancellation);
    }
}
