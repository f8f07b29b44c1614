using BhxhPlatform.Contracts.Planning;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Plans;

/// <summary>
/// A district plan as Planning last announced it approved, keyed by the plan id (the unit is the
/// tenant): the lines, with their audiences and forms, that an agreement's or a training's scope
/// can name. An approved amendment (a higher <see cref="Revision"/>) replaces it.
/// </summary>
public sealed record KnownPlan(Guid Id, int Year, int Revision, IReadOnlyList<ApprovedPlanLine> Lines);

public static class DistrictPlanApprovedHandler
{
    /// <summary>
    /// Idempotent: the same approval twice, or an older revision after a newer one, changes nothing;
    /// of two handled at once the loser fails its insert or optimistic check and is retried.
    /// </summary>
    public static async Task Handle(DistrictPlanApproved message, IDocumentSession session, CancellationToken cancellation)
    {
        var known = await session.LoadAsync<KnownPlan>(message.DistrictPlanId, cancellation);
        var plan = new KnownPlan(message.DistrictPlanId, message.Year, message.Revision, message.Lines);
        if (known is null)
        {
            session.Insert(plan);
        }
        else if (message.Revision > known.Revision)
        {
            session.Store(plan);
        }
    }
}

public static class GetKnownPlansEndpoint
{
    /// <summary>The unit's approved plans as Partners knows them (the lines an agreement's scope can name), newest year first.</summary>
    [WolverineGet("/api/units/{unit}/known-plans")]
    [Tags("Plans")]
    public static Task<IReadOnlyList<KnownPlan>> Get(string unit, IQuerySession session, CancellationToken cancellation) =>
        session.Query<KnownPlan>().OrderByDescending(p => p.Year).ToListAsync(cancellation);
}
