namespace BhxhPlatform.Contracts.Partners;

/// <summary>
/// Partners → Planning, Outreach: a partner organisation was registered in a district (the
/// tenant on the envelope). Sent again when its name, type or commune changes: the fields are the
/// partner as it now stands. Receivers keep a local directory keyed by <paramref name="PartnerId"/>.
/// </summary>
/// <param name="PartnerId">The partner stream id in Partners.</param>
/// <param name="Name">The organisation's name, in Vietnamese.</param>
/// <param name="PartnerType">The kind of unit (e.g. <c>CultureMediaCentre</c>, <c>CollectionServiceOrganisation</c>).</param>
/// <param name="CommuneId">The commune it serves, when its jurisdiction is one commune.</param>
[ConsumedBy(ServiceNames.Planning, ServiceNames.Outreach)]
public sealed record PartnerRegistered(Guid PartnerId, string Name, string PartnerType, string? CommuneId);
