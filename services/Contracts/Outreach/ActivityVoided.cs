namespace BhxhPlatform.Contracts.Outreach;

/// <summary>Outreach → Planning, Partners: a logged activity was voided and no longer counts.</summary>
[ConsumedBy(ServiceNames.Planning, ServiceNames.Partners)]
public sealed record ActivityVoided(Guid ActivityId, string Reason);
