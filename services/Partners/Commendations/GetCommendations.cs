using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Commendations;

public static class GetCommendationEndpoint
{
    /// <summary>One commendation; a partner's users see only those awarded to their organisation.</summary>
    [WolverineGet("/api/units/{unit}/commendations/{id}")]
    [Tags("Commendations")]
    [FiltersByOrganisation]
    public static Commendation? Get([ReadAggregate] Commendation commendation, HttpContext context) =>
        context.Reaches(commendation.PartnerId) ? commendation : null;
}

public static class ListCommendationsEndpoint
{
    /// <summary>The commendations of a year that stand (not withdrawn), by award date; a partner's users see only their own.</summary>
    [WolverineGet("/api/units/{unit}/commendations")]
    [Tags("Commendations")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<Commendation>> Get(int year, IQuerySession session, HttpContext context, CancellationToken cancellation)
    {
        var query = session.Query<Commendation>().Where(c => c.Year == year && !c.Withdrawn);
        if (context.OrganisationScope() is { } own)
        {
            query = query.Where(c => c.PartnerId == own);
        }

        return await query.OrderBy(c => c.AwardedOn).ToListAsync(cancellation);
    }
}
