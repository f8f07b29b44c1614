using Alba;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Audit.Tests;

/// <summary>The audit API is read by auditors everywhere, by units' own officers and administrators within their reach, never by partners.</summary>
[Collection(AuditCollection.Name)]
public sealed class AccessTests(AuditFixture fixture)
{
    [Theory]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "bien-hoa", 200)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "nhon-trach", 200)]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai", "bien-hoa", 200)]
    [InlineData(PlatformRoles.DistrictOfficer, "bien-hoa", "bien-hoa", 200)]
    [InlineData(PlatformRoles.DistrictOfficer, "long-thanh", "bien-hoa", 403)]
    [InlineData(PlatformRoles.CollectionAgent, "long-thanh", "bien-hoa", 403)]
    [InlineData(PlatformRoles.Partner, "bien-hoa", "bien-hoa", 403)]
    [InlineData(PlatformRoles.Auditor, "dong-nai", "no-such-unit", 404)]
    public async Task Who_reads_which_unit(string role, string ownUnit, string unit, int status)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{unit}/audit/events");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, ownUnit)}");
            s.StatusCodeShouldBe(status);
        });
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_and_health_stays_open()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/units/bien-hoa/audit/events");
            s.WithRequestHeader("Authorization", "Bearer not-a-token");
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.WithRequestHeader("Authorization", "");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = TestTokens.Mint("mallory", [PlatformRoles.Auditor], "dong-nai", key: TestSigningKey.Rsa());
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/units/bien-hoa/audit/events");
            s.WithRequestHeader("Authorization", $"Bearer {forged}");
            s.StatusCodeShouldBe(401);
        });
    }
}
