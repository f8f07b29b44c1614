namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>The roles of the platform, as carried in the token's <c>role</c> claims.</summary>
public static class PlatformRoles
{
    /// <summary>The provincial office: writes templates, rolls out, approves; reads and writes all its districts.</summary>
    public const string ProvincialAdministrator = "province-admin";

    /// <summary>A district office's communication officer: does its own unit's work.</summary>
    public const string DistrictOfficer = "district-officer";

    /// <summary>Collection-service staff: the prospects handed to their organisation, their outcomes, enrolments.</summary>
    public const string CollectionAgent = "collection-agent";

    /// <summary>A partner organisation's user: reads what concerns its own organisation.</summary>
    public const string Partner = "partner";

    /// <summary>Reads every unit's data and history, with personal data masked; changes nothing.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [ProvincialAdministrator, DistrictOfficer, CollectionAgent, Partner, Auditor];

    /// <summary>The roles whose grant names an organisation (a partner or collection-service organisation of Partners).</summary>
    public static bool NeedsOrganisation(string role) => role is Partner or CollectionAgent;
}

/// <summary>
/// Claim types of the platform's access tokens, as the identity service issues them and as every
/// service reads them (a token from another issuer is mapped onto these, see <see cref="PlatformAuthentication"/>).
/// </summary>
public static class PlatformClaims
{
    /// <summary>The account's stable id.</summary>
    public const string Subject = "sub";

    /// <summary>The person's display name ("Nguyễn Thị Lan").</summary>
    public const string Name = "name";

    /// <summary>The account's user name ("officer.bien-hoa"): the "who" recorded on every event.</summary>
    public const string UserName = "preferred_username";

    public const string Role = "role";

    /// <summary>The organisation unit the grants are scoped to (a district id or a province id).</summary>
    public const string Unit = "unit";

    /// <summary>The partner or collection-service organisation (a Partners partner id) of a partner or collection agent.</summary>
    public const string Organisation = "org";
}
