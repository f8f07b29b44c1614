using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Progress;

public static class GetReceivedFactsEndpoint
{
    /// <summary>
    /// The audit trail of the facts the unit received from other services, newest first (the facts
    /// of one batch, received together, by their natural id), at most 500.
    /// </summary>
    [WolverineGet("/api/units/{unit}/progress/received-facts")]
    [Tags("Progress")]
    public static async Task<IReadOnlyList<ReceivedFact>> Get(string unit, IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<ReceivedFact>().OrderByDescending(f => f.ReceivedAt).ThenBy(f => f.NaturalId).Take(500).ToListAsync(cancellation)).ToList();
}
