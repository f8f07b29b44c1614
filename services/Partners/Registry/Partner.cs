namespace BhxhPlatform.Partners.Registry;

/// <summary>The kinds of unit the plan coordinates with.</summary>
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
    Other,
}

/// <summary>A partner organisation was registered in a district's registry.</summary>
public sealed record PartnerOrganisationRegistered(Guid PartnerId, string Name, PartnerType Type, string? CommuneId);

public enum PartnerStatus
{
    Active,
    Inactive,
}

/// <summary>A partner organisation of a district office.</summary>
public sealed record Partner(Guid Id, string Name, PartnerType Type, string? CommuneId, PartnerStatus Status)
{
    public static Partner Create(PartnerOrganisationRegistered registered) =>
        new(registered.PartnerId, registered.Name, registered.Type, registered.CommuneId, PartnerStatus.Active);
}
