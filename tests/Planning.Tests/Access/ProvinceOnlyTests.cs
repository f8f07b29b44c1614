using Alba;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Planning.Tests.Access;

/// <summary>Templates, rollouts and approvals are the provincial office's; district users cannot do them.</summary>
[Collection(PlanningCollection.Name)]
public sealed class ProvinceOnlyTests(PlanningFixture fixture)
{
    [Theory]
    [InlineData(PlatformRoles.DistrictOfficer, "bien-hoa", "/api/units/bien-hoa/plan-templates", 403)]
    [InlineData(PlatformRoles.CollectionAgent, "bien-hoa", "/api/units/bien-hoa/plan-templates", 403)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "/api/units/dong-nai/plan-templates", 403)]
    [InlineData(PlatformRoles.DistrictOfficer, "bien-hoa", "/api/units/dong-nai/plan-templates", 403)]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai", "/api/units/dong-nai/plan-templates", 201)]
    public async Task Only_the_provincial_administrator_drafts_templates(string role, string ownUnit, string url, int status)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new DraftPlanTemplate(2026, "Kế hoạch 2026"), JsonStyle.MinimalApi).ToUrl(url);
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, ownUnit)}");
            s.StatusCodeShouldBe(status);
        });
    }

    [Fact]
    public async Task A_district_officer_cannot_approve_a_plan_of_its_own_district()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { version = 2 }, JsonStyle.MinimalApi).ToUrl($"/api/units/bien-hoa/district-plans/{Guid.CreateVersion7()}/approve");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, "bien-hoa")}");
            s.StatusCodeShouldBe(403);
        });
    }
}
