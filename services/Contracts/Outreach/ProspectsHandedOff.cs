namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Partners: a batch of prospects was handed to a collection-service
/// organisation to continue the persuasion. Counts only; the people stay in Outreach.
/// </summary>
[ConsumedBy(ServiceNames.Partners)]
public sealed record ProspectsHandedOff(Guid HandOffBatchId, Guid CollectionOrganisationId, int ProspectCount, DateOnly HandedOffOn);
