namespace BhxhPlatform.Contracts.Partners;

/// <summary>
/// Partners → Planning: a training or refresher conference for collection-service staff or
/// collaborators was held. Receivers deduplicate by <paramref name="TrainingId"/>.
/// </summary>
/// <param name="AssociationId">The association (partner) whose members were trained, when one.</param>
/// <param name="PlanLineCode">The catalogue line it fulfils (e.g. <c>6.01</c>), when known.</param>
[ConsumedBy(ServiceNames.Planning)]
public sealed record TrainingHeld(Guid TrainingId, Guid? AssociationId, DateOnly HeldOn, int Attendees, string? PlanLineCode);
