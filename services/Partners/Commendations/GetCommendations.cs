using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Commendations;

public static class GetCommendationEndpoint
{
    [WolverineGet("/api/units/{unit}/commendations/{id}")]
    [Tags("Commendations")]
    public static Commendation Get([ReadAggregate] Commendation commendation) => commendation;
}

public static class ListCommendationsEndpoint
{
    /// <summary>The commendations of a year that stand (not withdrawn), by award date.</summary>
    [WolverineGet("/api/units/{unit}/commendations")]
    [Tags("Commendations")]
    public static async Task<IReadOnlyList<Commendation>> Get(int year, IQuerySession session, CancellationToken cancellation) =>
        await session.Query<Commendation>().Where(c => c.Year == year && !c.Withdrawn).OrderBy(c => c.AwardedOn).ToListAsync(cancellation);
}
