using System.Security.Claims;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.Audit.Tests;

/// <summary>The access rule itself, for every role, method and unit relation.</summary>
public sealed class AccessRuleTests
{
    private static readonly OrganisationDirectory Organisation = OrganisationDirectory.Embedded();

    private static ClaimsPrincipal User(string role, string unit) => new(new ClaimsIdentity(
        [new Claim(PlatformClaims.Name, "u"), new Claim(PlatformClaims.Role, role), new Claim(PlatformClaims.Unit, unit)],
        "Bearer", PlatformClaims.Name, PlatformClaims.Role));

    [Theory]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai", "dong-nai", "POST", AccessDecision.Allow)]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai", "xuan-loc", "POST", AccessDecision.Allow)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "xuan-loc", "POST", AccessDecision.Allow)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "dong-nai", "GET", AccessDecision.Forbidden)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "cam-my", "GET", AccessDecision.Forbidden)]
    [InlineData(PlatformRoles.CollectionAgent, "cam-my", "cam-my", "PUT", AccessDecision.Allow)]
    [InlineData(PlatformRoles.Partner, "cam-my", "cam-my", "GET", AccessDecision.Allow)]
    [InlineData(PlatformRoles.Partner, "cam-my", "cam-my", "POST", AccessDecision.Forbidden)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "cam-my", "GET", AccessDecision.Allow)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "cam-my", "POST", AccessDecision.Forbidden)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "cam-my", "DELETE", AccessDecision.Forbidden)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "atlantis", "GET", AccessDecision.UnknownUnit)]
    public void Decides(string role, string ownUnit, string unit, string method, AccessDecision expected) =>
        UnitAccess.Decide(User(role, ownUnit), unit, method, Organisation).ShouldBe(expected);

    [Fact]
    public void An_anonymous_caller_is_unauthenticated() =>
        UnitAccess.Decide(new ClaimsPrincipal(new ClaimsIdentity()), "bien-hoa", "GET", Organisation).ShouldBe(AccessDecision.Unauthenticated);

    [Fact]
    public void The_province_has_its_eleven_districts() =>
        Organisation.DistrictsOf("dong-nai").Count().ShouldBe(11);
}
