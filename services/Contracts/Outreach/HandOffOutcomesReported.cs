namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Partners: a collection-service organisation reported what became of a
/// hand-off batch. The counts are the batch totals so far (receivers replace, not add).
/// </summary>
[ConsumedBy(ServiceNames.Partners)]
public sealed record HandOffOutcomesReported(Guid HandOffBatchId, Guid CollectionOrganisationId, int Enrolled, int Declined, int Unreachable);
