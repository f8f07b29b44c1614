namespace BhxhPlatform.Contracts.Partners;

/// <summary>
/// Partners → Planning: a commendation recorded in error was withdrawn and no longer counts. It may arrive before
/// the <see cref="CommendationConferred"/> it withdraws; the reason stays in Partners.
/// </summary>
[ConsumedBy(ServiceNames.Planning)]
public sealed record CommendationRevoked(Guid CommendationId);
