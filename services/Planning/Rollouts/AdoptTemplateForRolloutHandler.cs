using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Rollouts;

/// <summary>Reported back to the province (as its tenant): what the district's adoption came to.</summary>
public sealed record RolloutDistrictReported(Guid RolloutId, string District, AdoptionOutcome Outcome, Guid? PlanId);

public static class AdoptTemplateForRolloutHandler
{
    /// <summary>Runs with the district as tenant: the session and the new plan stream are the district's.</summary>
    public static async Task<OutgoingMessages> Handle(
        AdoptTemplateForRollout command, Envelope envelope, UnitTrees trees, IDocumentStore store, IDocumentSession session,
        CancellationToken cancellation)
    {
        var district = envelope.TenantId ?? throw new InvalidOperationException("A rollout adoption must carry the district as tenant.");
        var (outcome, planId) = await DistrictPlanAdoption.AdoptAsync(
            district, command.TemplateId, command.TemplateVersion, trees, store, session, cancellation);
        return [new RolloutDistrictReported(command.RolloutId, district, outcome, planId).WithTenantId(command.Province)];
    }
}

public static class RolloutDistrictReportedHandler
{
    /// <summary>Keeps the first successful outcome: a re-run reporting "already adopted" does not hide it; a repeat appends nothing.</summary>
    public static async Task Handle(RolloutDistrictReported report, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stream = await session.Events.FetchForWriting<RolloutDistrictOutcome>(RolloutDistrictOutcome.IdOf(report.RolloutId, report.District), cancellation);
        if (stream.Aggregate is { } held && (held.Outcome == AdoptionOutcome.Adopted || (held.Outcome == report.Outcome && held.PlanId == report.PlanId)))
        {
            return;
        }

        stream.AppendOne(new DistrictAdoptionReported(report.RolloutId, report.District, report.Outcome, report.PlanId));
    }
}
