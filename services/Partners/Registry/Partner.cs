using BhxhPlatform.ServiceDefaults.PersonalData;

namespace BhxhPlatform.Partners.Registry;

/// <summary>The kinds of unit the plan coordinates with (DOMAIN.md, "Units that appear", and the plan seed).</summary>
public enum PartnerType
{
    PropagandaBoard,
    CultureMediaCentre,
    EmploymentServiceCentre,
    IndustrialParkAuthority,
    CommunePeoplesCommittee,
    UnionOrAssociation,
    CooperativeAlliance,
    MarketBoard,
    FatherlandFront,
    ReligiousInstitution,
    EducationOfficeOrSchool,
    HealthFacility,
    CollectionServiceOrganisation,
    Sponsor,
    Employer,
    ProvincialCommunicationDepartment,
    YouthUnion,
    DistrictCouncilOffice,
    VocationalSchool,
    HamletHeadOrPrestigiousPerson,
    Other,
}

public enum PartnerStatus
{
    Active,
    Suspended,
    Dissolved,
}

/// <summary>
/// A person to call at a partner organisation, as stored: <see cref="Name"/>, <see cref="Phone"/> and <see cref="Email"/>
/// hold SEALED values (<c>enc:v1:…</c>, with the contact's own key, whose id is <see cref="ContactId"/>), never clear text;
/// all three are null once the contact was erased (<see cref="ErasedAt"/>). The role (a position) is not personal data.
/// Read through <see cref="PartnerContactView"/>.
/// </summary>
public sealed record PartnerContact(Guid ContactId, string? Name, string? Role, string? Phone, string? Email, DateTimeOffset? ErasedAt = null);

/// <summary>A partner organisation was registered in a district's registry (no commune: the whole district).</summary>
public sealed record PartnerOrganisationRegistered(Guid PartnerId, string Name, PartnerType Type, string? CommuneId);

/// <summary>A partner's name, type or jurisdiction changed (the values as they now stand).</summary>
public sealed record PartnerDetailsChanged(Guid PartnerId, string Name, PartnerType Type, string? CommuneId);

public sealed record PartnerContactAdded(Guid PartnerId, PartnerContact Contact);

public sealed record PartnerContactRemoved(Guid PartnerId, Guid ContactId);

/// <summary>
/// A contact person's details were erased: their key was destroyed, so the sealed values in earlier events can no longer be
/// opened. Carries no personal data; the earlier events are untouched.
/// </summary>
public sealed record PartnerContactErased(Guid PartnerId, Guid ContactId, ErasureReason Reason, DateTimeOffset ErasedAt);

public sealed record PartnerSuspended(Guid PartnerId, string Reason, DateOnly SuspendedOn);

public sealed record PartnerReactivated(Guid PartnerId, DateOnly ReactivatedOn);

/// <summary>The organisation no longer exists (merged or disbanded); final.</summary>
public sealed record PartnerDissolved(Guid PartnerId, string Reason, DateOnly DissolvedOn);

/// <summary>
/// A partner organisation of a district office. Immutable: each event returns a new state;
/// <see cref="Version"/> counts the events, for the expected version of the next command.
/// </summary>
public sealed record Partner(
    Guid Id,
    string Name,
    PartnerType Type,
    string? CommuneId,
    PartnerStatus Status,
    string? StatusReason,
    IReadOnlyList<PartnerContact> Contacts,
    int Version,
    IReadOnlyList<Guid>? RemovedContactIds = null)
{
    public static Partner Create(PartnerOrganisationRegistered registered) =>
        new(registered.PartnerId, registered.Name, registered.Type, registered.CommuneId, PartnerStatus.Active, null, [], 1);

    public Partner Apply(PartnerDetailsChanged changed) =>
        this with { Name = changed.Name, Type = changed.Type, CommuneId = changed.CommuneId, Version = Version + 1 };

    public Partner Apply(PartnerContactAdded added) =>
        this with { Contacts = [.. Contacts, added.Contact], Version = Version + 1 };

    public Partner Apply(PartnerContactRemoved removed) =>
        this with
        {
            Contacts = [.. Contacts.Where(c => c.ContactId != removed.ContactId)],
            RemovedContactIds = [.. RemovedContactIds ?? [], removed.ContactId],
            Version = Version + 1,
        };

    /// <summary>A removed contact's details stay in the events, so a removed contact can be erased too.</summary>
    public Partner Apply(PartnerContactErased erased) =>
        this with
        {
            Contacts = [.. Contacts.Select(c => c.ContactId == erased.ContactId ? c with { Name = null, Phone = null, Email = null, ErasedAt = erased.ErasedAt } : c)],
            Version = Version + 1,
        };

    /// <summary>Whether the contact is, or was, one of this partner's.</summary>
    public bool HasOrHad(Guid contactId) => Contacts.Any(c => c.ContactId == contactId) || (RemovedContactIds?.Contains(contactId) ?? false);

    public Partner Apply(PartnerSuspended suspended) =>
        this with { Status = PartnerStatus.Suspended, StatusReason = suspended.Reason, Version = Version + 1 };

    public Partner Apply(PartnerReactivated reactivated) =>
        this with { Status = PartnerStatus.Active, StatusReason = null, Version = Version + 1 };

    public Partner Apply(PartnerDissolved dissolved) =>
        this with { Status = PartnerStatus.Dissolved, StatusReason = dissolved.Reason, Version = Version + 1 };
}
