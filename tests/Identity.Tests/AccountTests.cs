using System.Text.Json;
using Alba;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Identity.Tests;

/// <summary>The account API (province administrators): accounts and grants as events, with who, when and why.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AccountTests(IdentityFixture fixture)
{
    private const string District = "bien-hoa";

    private static string NewUserName(string prefix) => $"{prefix}.{Guid.CreateVersion7():N}";

    private async Task<Guid> OpenAsync(string unit, string userName, object[]? grants = null)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { userName, displayName = "Nguyễn Thị Lan", initialPassword = "Demo@2026", mustChangePassword = false, grants }, JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{unit}/accounts");
            s.StatusCodeShouldBe(201);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("value").GetGuid();
    }

    private async Task<JsonElement> ReadAsync(string unit, Guid id) =>
        JsonDocument.Parse(await (await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{unit}/accounts/{id}"))).ReadAsTextAsync()).RootElement.Clone();

    private async Task<(int Status, JsonElement Body)> PostAsync(string url, object body)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(int Status, JsonElement Body)> PasswordGrantAsync(string userName, string scope = "openid profile roles outreach")
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "demo-data",
                ["client_secret"] = IdentityFixture.DemoDataSecret,
                ["username"] = userName,
                ["password"] = "Demo@2026",
                ["scope"] = scope,
            }).ToUrl("/connect/token");
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone());
    }

    private static JsonElement Claims(string accessToken) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(accessToken.Split('.')[1])).RootElement.Clone();

    [Fact]
    public async Task Opening_an_account_and_granting_a_role_are_events_with_who_when_and_why_read_through_the_audit_api()
    {
        var id = await OpenAsync(District, NewUserName("officer"), [new { role = PlatformRoles.DistrictOfficer, reason = "Quyết định 12/QĐ-BHXH" }]);

        var account = await ReadAsync(District, id);
        account.GetProperty("account").GetProperty("status").GetString().ShouldBe("Active");
        account.GetProperty("account").GetProperty("grants")[0].GetProperty("role").GetString().ShouldBe(PlatformRoles.DistrictOfficer);

        var events = JsonDocument.Parse(await (await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{District}/audit/streams/{id}/events"))).ReadAsTextAsync()).RootElement;
        events.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldBe(["account_opened", "role_granted"]);
        events.EnumerateArray().ShouldAllBe(e => e.GetProperty("userName").GetString() == "admin.dong-nai");
        events[1].GetProperty("data").GetProperty("reason").GetString().ShouldBe("Quyết định 12/QĐ-BHXH");
        events[1].GetProperty("tenantId").GetString().ShouldBe(District);

        var verified = JsonDocument.Parse(await (await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{District}/audit/streams/{id}/verify"))).ReadAsTextAsync()).RootElement;
        verified.GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_grant_fits_the_accounts_unit_and_one_organisation()
    {
        var officer = await PostAsync("/api/units/dong-nai/accounts", new
        {
            userName = NewUserName("wrong"), displayName = "Sai vai trò", initialPassword = "Demo@2026",
            grants = new[] { new { role = PlatformRoles.DistrictOfficer, reason = "thử" }, new { role = PlatformRoles.Partner, reason = "thử" } },
        });
        officer.Status.ShouldBe(400);
        var fields = officer.Body.GetProperty("fieldErrors").EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}").ToList();
        fields.ShouldContain("grants[0].role:district-only");
        fields.ShouldContain("grants[1].organisationId:required");

        var organisation = Guid.CreateVersion7();
        var id = await OpenAsync(District, NewUserName("partner"), [new { role = PlatformRoles.Partner, organisationId = organisation, reason = "Thỏa thuận phối hợp 2026" }]);

        var again = await PostAsync($"/api/units/{District}/accounts/{id}/grants", new { version = 2, role = PlatformRoles.Partner, organisationId = organisation, reason = "lần hai" });
        again.Status.ShouldBe(409);
        again.Body.GetProperty("code").GetString().ShouldBe("already-granted");

        var other = await PostAsync($"/api/units/{District}/accounts/{id}/grants", new { version = 2, role = PlatformRoles.CollectionAgent, organisationId = Guid.CreateVersion7(), reason = "tổ chức khác" });
        other.Status.ShouldBe(409);
        other.Body.GetProperty("code").GetString().ShouldBe("one-organisation");

        var stale = await PostAsync($"/api/units/{District}/accounts/{id}/grants", new { version = 1, role = PlatformRoles.CollectionAgent, organisationId = organisation, reason = "phiên bản cũ" });
        stale.Status.ShouldBe(409);

        var agent = await PostAsync($"/api/units/{District}/accounts/{id}/grants", new { version = 2, role = PlatformRoles.CollectionAgent, organisationId = organisation, reason = "Hợp đồng thu" });
        agent.Status.ShouldBe(200);
        agent.Body.GetProperty("version").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_user_name_is_taken_once_and_a_refused_opening_writes_nothing()
    {
        var name = NewUserName("twice");
        var id = await OpenAsync(District, name);

        var taken = await PostAsync($"/api/units/{District}/accounts", new { userName = name, displayName = "Người khác", initialPassword = "Demo@2026" });
        taken.Status.ShouldBe(409);
        taken.Body.GetProperty("accountId").GetGuid().ShouldBe(id);

        var weak = await PostAsync($"/api/units/{District}/accounts", new { userName = NewUserName("weak"), displayName = "Mật khẩu yếu", initialPassword = "abc" });
        weak.Status.ShouldBe(400);

        var listed = JsonDocument.Parse(await (await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{District}/accounts?userName={name}"))).ReadAsTextAsync()).RootElement;
        listed.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_token_carries_the_grants_in_force_and_a_suspended_account_gets_none_until_reinstated()
    {
        var organisation = Guid.CreateVersion7();
        var name = NewUserName("agent");
        var id = await OpenAsync(District, name, [new { role = PlatformRoles.CollectionAgent, organisationId = organisation, reason = "Hợp đồng thu 2026" }]);

        var (status, body) = await PasswordGrantAsync(name);
        status.ShouldBe(200, body.ToString());
        var claims = Claims(body.GetProperty("access_token").GetString()!);
        claims.GetProperty("sub").GetString().ShouldBe(id.ToString());
        claims.GetProperty("preferred_username").GetString().ShouldBe(name);
        claims.GetProperty("name").GetString().ShouldBe("Nguyễn Thị Lan");
        claims.GetProperty("role").GetString().ShouldBe(PlatformRoles.CollectionAgent);
        claims.GetProperty("unit").GetString().ShouldBe(District);
        claims.GetProperty("org").GetString().ShouldBe(organisation.ToString());
        claims.GetProperty("aud").GetString().ShouldBe("outreach");
        (claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64()).ShouldBeLessThanOrEqualTo(15 * 60);

        (await PostAsync($"/api/units/{District}/accounts/{id}/suspend", new { version = 2, reason = "Nghỉ việc" })).Status.ShouldBe(200);
        (await PostAsync($"/api/units/{District}/accounts/{id}/suspend", new { version = 3, reason = "Lần hai" })).Status.ShouldBe(409);
        var refused = await PasswordGrantAsync(name);
        refused.Status.ShouldBe(400);
        refused.Body.GetProperty("error").GetString().ShouldBe("invalid_grant");

        (await PostAsync($"/api/units/{District}/accounts/{id}/reinstate", new { version = 3, reason = "Trở lại làm việc" })).Status.ShouldBe(200);
        (await PasswordGrantAsync(name)).Status.ShouldBe(200);

        var grantId = (await ReadAsync(District, id)).GetProperty("account").GetProperty("grants")[0].GetProperty("grantId").GetGuid();
        (await PostAsync($"/api/units/{District}/accounts/{id}/grants/{grantId}/withdraw", new { version = 4, reason = "Hết hợp đồng" })).Status.ShouldBe(200);
        (await PasswordGrantAsync(name)).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Only_a_provincial_administrator_of_the_province_manages_accounts()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { userName = NewUserName("nope"), displayName = "Không", initialPassword = "Demo@2026" }, JsonStyle.MinimalApi).ToUrl($"/api/units/{District}/accounts");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District)}");
            s.StatusCodeShouldBe(403);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{District}/accounts");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.Auditor, "dong-nai")}");
            s.StatusCodeShouldBeOk();
        });
    }
}
