using BhxhPlatform.Contracts.Planning;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Directory;

/// <summary>
/// A district plan as Planning last announced it approved, keyed by the plan id, one per unit and
/// year (the unit is the tenant): the lines an activity may be logged against, and the communes
/// where it may take place. Only approved plans are known; an amendment replaces the lines once
/// it is approved again (a higher <see cref="Revision"/>).
/// </summary>
/// <param name="CommuneIds">The unit's communes when the plan was approved; null when Planning did not say (an older producer).</param>
public sealed record KnownPlan(Guid Id, int Year, int Revision, IReadOnlyList<ApprovedPlanLine> Lines, IReadOnlyList<string>? CommuneIds)
{
    public ApprovedPlanLine? Line(string? code) => Lines.FirstOrDefault(l => l.Code == code?.Trim());

    /// <summary>Whether an activity may take place in <paramref name="communeId"/> (none given: anywhere in the unit).</summary>
    public bool HasCommune(string? communeId) =>
        string.IsNullOrWhiteSpace(communeId) || CommuneIds is null || CommuneIds.Contains(communeId.Trim(), StringComparer.Ordinal);

    public static KnownPlan From(DistrictPlanApproved message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.DistrictPlanId, message.Year, message.Revision, message.Lines, message.CommuneIds);
    }
}

public static class DistrictPlanApprovedHandler
{
    /// <summary>
    /// Idempotent: the same approval twice, or an older revision after a newer one, changes nothing.
    /// A first approval is inserted and a later one replaces under the optimistic check, so of two
    /// handled at once the loser is retried (RetryConcurrentDocumentWrites) and then sees the winner.
    /// </summary>
    public static async Task Handle(DistrictPlanApproved message, IDocumentSession session, CancellationToken cancellation)
    {
        var known = await session.LoadAsync<KnownPlan>(message.DistrictPlanId, cancellation);
        if (known is null)
        {
            session.Insert(KnownPlan.From(message));
        }
        else if (message.Revision > known.Revision)
        {
            session.Store(KnownPlan.From(message));
        }
    }
}

public static class GetKnownPlansEndpoint
{
    /// <summary>The unit's approved plans as Outreach knows them (the lines an activity may be logged against), newest year first.</summary>
    [WolverineGet("/api/units/{unit}/known-plans")]
    [Tags("Directory")]
    public static Task<IReadOnlyList<KnownPlan>> Get(string unit, IQuerySession session, CancellationToken cancellation) =>
        session.Query<KnownPlan>().OrderByDescending(p => p.Year).ToListAsync(cancellation);
}
