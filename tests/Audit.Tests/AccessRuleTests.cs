using System.Security.Claims;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.Audit.Tests;

/// <summary>The access matrix's rule itself, for every scope and unit relation (the HTTP contract is tested per service).</summary>
public sealed class AccessRuleTests
{
    private static readonly OrganisationDirectory Organisation = OrganisationDirectory.Embedded();
    private static readonly AccessMatrix Matrix = AccessMatrix.Embedded();

    private static ClaimsPrincipal User(string role, string unit, Guid? organisation = null) => new(new ClaimsIdentity(
        [new Claim(PlatformClaims.UserName, "u"), new Claim(PlatformClaims.Role, role), new Claim(PlatformClaims.Unit, unit),
            .. organisation is { } o ? [new Claim(PlatformClaims.Organisation, o.ToString())] : Array.Empty<Claim>()],
        "Bearer", PlatformClaims.UserName, PlatformClaims.Role));

    private static readonly IReadOnlyDictionary<string, AccessScope> Rules = new Dictionary<string, AccessScope>
    {
        [PlatformRoles.ProvincialAdministrator] = AccessScope.Province,
        [PlatformRoles.DistrictOfficer] = AccessScope.Unit,
        [PlatformRoles.Partner] = AccessScope.Organisation,
        [PlatformRoles.Auditor] = AccessScope.Any,
    };

    [Theory]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai", "dong-nai", true)]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai", "xuan-loc", true)]
    [InlineData(PlatformRoles.ProvincialAdministrator, "bien-hoa", "bien-hoa", false)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "xuan-loc", true)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "dong-nai", false)]
    [InlineData(PlatformRoles.DistrictOfficer, "xuan-loc", "cam-my", false)]
    [InlineData(PlatformRoles.CollectionAgent, "cam-my", "cam-my", false)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "cam-my", true)]
    public void Decides(string role, string ownUnit, string unit, bool allowed) =>
        (Matrix.Decide("op", Rules, User(role, ownUnit), unit, Organisation) is not null).ShouldBe(allowed);

    [Fact]
    public void An_organisation_scope_needs_the_callers_organisation_and_its_own_unit()
    {
        var org = Guid.CreateVersion7();
        var grant = Matrix.Decide("op", Rules, User(PlatformRoles.Partner, "cam-my", org), "cam-my", Organisation).ShouldNotBeNull();
        grant.Scope.ShouldBe(AccessScope.Organisation);
        grant.Organisation.ShouldBe(org);
        Matrix.Decide("op", Rules, User(PlatformRoles.Partner, "cam-my"), "cam-my", Organisation).ShouldBeNull();
        Matrix.Decide("op", Rules, User(PlatformRoles.Partner, "cam-my", org), "tan-phu", Organisation).ShouldBeNull();
    }

    [Fact]
    public void A_second_role_never_narrows_the_first_and_only_the_auditor_sees_masked_data()
    {
        var both = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PlatformClaims.Role, PlatformRoles.Auditor), new Claim(PlatformClaims.Role, PlatformRoles.DistrictOfficer), new Claim(PlatformClaims.Unit, "cam-my")],
            "Bearer", PlatformClaims.UserName, PlatformClaims.Role));
        Matrix.Decide("op", Rules, both, "cam-my", Organisation).ShouldNotBeNull().MasksPersonalData.ShouldBeFalse();
        Matrix.Decide("op", Rules, both, "tan-phu", Organisation).ShouldNotBeNull().MasksPersonalData.ShouldBeTrue();
    }

    [Fact]
    public void Every_role_named_in_the_matrix_is_a_platform_role_and_every_service_has_a_section()
    {
        Matrix.Services.ShouldBe(["common", "planning", "outreach", "partners", "identity"], ignoreOrder: true);
        Matrix.RulesFor("planning", "GetAuditEvents").ShouldNotBeNull();
        Matrix.RulesFor("planning", "NoSuchOperation").ShouldBeNull();
    }

    [Fact]
    public void The_province_has_its_eleven_districts() =>
        Organisation.DistrictsOf("dong-nai").Count().ShouldBe(11);
}
