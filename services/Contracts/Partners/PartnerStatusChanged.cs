namespace BhxhPlatform.Contracts.Partners;

/// <summary>
/// Partners → Outreach: a partner organisation was suspended, reactivated or dissolved (the tenant on
/// the envelope is its unit). Outreach hands prospects off only to an active collection-service organisation.
/// </summary>
/// <param name="Status">Active, Suspended or Dissolved: the status as it now stands.</param>
/// <param name="Revision">
/// The partner's version in Partners after the change; a receiver applies a status only when it is newer
/// than the one it holds, so changes handled out of order end at the newest.
/// </param>
[ConsumedBy(ServiceNames.Outreach)]
public sealed record PartnerStatusChanged(Guid PartnerId, string Status, DateOnly ChangedOn, long Revision);
