using System.Security.Claims;

namespace BhxhPlatform.ServiceDefaults.Security;

public enum AccessDecision
{
    Allow,
    Unauthenticated,
    Forbidden,
    UnknownUnit,
}

/// <summary>
/// Who may read or write an organisation unit's data: a district user only its own district, a
/// provincial administrator its province and all its districts, an auditor every unit but only
/// to read, a partner only to read its own district.
/// </summary>
public static class UnitAccess
{
    public static AccessDecision Decide(ClaimsPrincipal user, string unit, string httpMethod, OrganisationDirectory organisation)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessDecision.Unauthenticated;
        }

        if (!organisation.Exists(unit))
        {
            return AccessDecision.UnknownUnit;
        }

        var reads = HttpMethodsThatRead.Contains(httpMethod);
        if (user.IsInRole(PlatformRoles.Auditor))
        {
            return reads ? AccessDecision.Allow : AccessDecision.Forbidden;
        }

        var own = user.FindFirst(PlatformClaims.Unit)?.Value;
        if (own is null)
        {
            return AccessDecision.Forbidden;
        }

        if (user.IsInRole(PlatformRoles.ProvincialAdministrator) && (unit == own || organisation.ProvinceOf(unit) == own))
        {
            return AccessDecision.Allow;
        }

        if (unit != own)
        {
            return AccessDecision.Forbidden;
        }

        if (user.IsInRole(PlatformRoles.DistrictOfficer) || user.IsInRole(PlatformRoles.CollectionAgent))
        {
            return AccessDecision.Allow;
        }

        return user.IsInRole(PlatformRoles.Partner) && reads ? AccessDecision.Allow : AccessDecision.Forbidden;
    }

    private static readonly HashSet<string> HttpMethodsThatRead = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD" };
}
