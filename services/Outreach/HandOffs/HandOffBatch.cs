using BhxhPlatform.Outreach.Prospects;

namespace BhxhPlatform.Outreach.HandOffs;

/// <summary>What became of one handed-off prospect.</summary>
public sealed record OutcomeLine(Guid ProspectId, ProspectOutcome Outcome);

/// <summary>A list of prospects was handed to a collection-service organisation to continue the persuasion.</summary>
public sealed record HandOffBatchCreated(Guid HandOffBatchId, Guid CollectionOrganisationId, IReadOnlyList<Guid> ProspectIds, DateOnly HandedOffOn);

/// <summary>The organisation acknowledged that it received the list.</summary>
public sealed record HandOffAcknowledged(Guid HandOffBatchId, DateOnly AcknowledgedOn);

/// <summary>The organisation reported outcomes for some of the batch's prospects.</summary>
public sealed record HandOffOutcomesRecorded(Guid HandOffBatchId, IReadOnlyList<OutcomeLine> Outcomes, DateOnly ReportedOn);

/// <summary>A hand-off batch: who it went to, whether they acknowledged it, and the outcomes so far.</summary>
public sealed record HandOffBatch(
    Guid Id,
    Guid CollectionOrganisationId,
    IReadOnlyList<Guid> ProspectIds,
    DateOnly HandedOffOn,
    DateOnly? AcknowledgedOn,
    IReadOnlyList<OutcomeLine> Outcomes,
    long Version)
{
    public static HandOffBatch Create(HandOffBatchCreated e) =>
        new(e.HandOffBatchId, e.CollectionOrganisationId, e.ProspectIds, e.HandedOffOn, null, [], 1);

    public HandOffBatch Apply(HandOffAcknowledged e) => this with { AcknowledgedOn = e.AcknowledgedOn, Version = Version + 1 };

    public HandOffBatch Apply(HandOffOutcomesRecorded e) => this with { Outcomes = [.. Outcomes, .. e.Outcomes], Version = Version + 1 };

    public int Count(ProspectOutcome outcome) => Outcomes.Count(o => o.Outcome == outcome);

    public Contracts.Outreach.HandOffOutcomesReported Totals() => new(
        Id, CollectionOrganisationId, Count(ProspectOutcome.Enrolled), Count(ProspectOutcome.Declined), Count(ProspectOutcome.Unreachable));
}
