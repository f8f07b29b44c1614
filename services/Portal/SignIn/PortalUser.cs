using System.Security.Claims;

namespace BhxhPlatform.Portal.SignIn;

/// <summary>Who is signed in, as the identity token says: name, unit (district or province), roles and organisation.</summary>
public sealed record PortalUser(string Name, string UserName, string Unit, IReadOnlyList<string> Roles, string? Organisation)
{
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string UnitClaim = "unit";
    public const string OrganisationClaim = "org";
    public const string UserNameClaim = "preferred_username";

    public const string DistrictOfficer = "district-officer";
    public const string ProvinceAdmin = "province-admin";
    public const string CollectionAgent = "collection-agent";
    public const string Auditor = "auditor";
    public const string Partner = "partner";

    public bool Is(string role) => Roles.Contains(role);

    public static PortalUser Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new(
            principal.FindFirstValue(NameClaim) ?? principal.FindFirstValue(UserNameClaim) ?? string.Empty,
            principal.FindFirstValue(UserNameClaim) ?? string.Empty,
            principal.FindFirstValue(UnitClaim) ?? string.Empty,
            principal.FindAll(RoleClaim).Select(c => c.Value).ToList(),
            principal.FindFirstValue(OrganisationClaim));
    }
}
