namespace BhxhPlatform.Contracts.Partners;

/// <summary>Partners → Planning: an agreement was terminated or expired on its end date.</summary>
/// <param name="Reason">Terminated or Expired.</param>
[ConsumedBy(ServiceNames.Planning)]
public sealed record AgreementEnded(Guid AgreementId, string Reason, DateOnly EndedOn);
