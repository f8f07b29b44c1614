using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

public static class GetPartnerEndpoint
{
    /// <summary>One partner organisation of the district; a partner's users see only their own.</summary>
    [WolverineGet("/api/units/{unit}/partners/{id}")]
    [Tags("Partners")]
    [FiltersByOrganisation]
    public static Partner? Get([ReadAggregate] Partner partner, HttpContext context) => context.Reaches(partner.Id) ? partner : null;
}

public static class ListPartnersEndpoint
{
    /// <summary>The district's partners by name, optionally of one type or status.</summary>
    [WolverineGet("/api/units/{unit}/partners")]
    [Tags("Partners")]
    public static async Task<IReadOnlyList<Partner>> Get(PartnerType? type, PartnerStatus? status, IQuerySession session, CancellationToken cancellation)
    {
        var query = session.Query<Partner>().AsQueryable();
        if (type is { } t)
        {
            query = query.Where(p => p.Type == t);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        return await query.OrderBy(p => p.Name).ToListAsync(cancellation);
    }
}
