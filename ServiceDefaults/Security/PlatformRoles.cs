namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>The roles of the platform, as carried in the token's <c>role</c> claims.</summary>
public static class PlatformRoles
{
    /// <summary>The provincial office: writes templates, rolls out, approves; reads and writes all its districts.</summary>
    public const string ProvincialAdministrator = "province-admin";

    /// <summary>A district office's communication officer: reads and writes its own district.</summary>
    public const string DistrictOfficer = "district-officer";

    /// <summary>Collection-service staff: log activities, prospects and enrolments in their district.</summary>
    public const string CollectionAgent = "collection-agent";

    /// <summary>A partner organisation's user: reads its district's data shared with partners.</summary>
    public const string Partner = "partner";

    /// <summary>Reads every unit's data and history; changes nothing.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [ProvincialAdministrator, DistrictOfficer, CollectionAgent, Partner, Auditor];
}

/// <summary>Claim types of the platform's tokens.</summary>
public static class PlatformClaims
{
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The organisation unit the user belongs to (a district id or a province id).</summary>
    public const string Unit = "unit";

    public const string Issuer = "bhxh-platform";
    public const string Audience = "bhxh-platform";
}
