using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;
using OtpNet;

namespace BhxhPlatform.Identity.Tests;

/// <summary>A person signs in through the HTML forms of the identity service running as a process; the access token opens Planning.</summary>
[Collection(SignInCollection.Name)]
public sealed partial class SignInTests(SignInFixture fixture)
{
    private const string Password = "Demo@2026";
    private const string ApiScopes = "openid profile roles planning";

    private static string NewUserName(string prefix) => $"{prefix}.{Guid.CreateVersion7():N}"[..36];

    /// <summary>From the authorization request to the code at the client's redirect URI, signing in on the way.</summary>
    private static async Task<(Uri Redirect, string Verifier)> SignInAsync(Browser browser, string userName, string client = "api-docs",
        string redirect = IdentityFixture.ApiDocs, string scope = ApiScopes, Func<Browser.Page, Task<Browser.Page>>? afterPassword = null)
    {
        var (verifier, challenge) = Browser.Pkce();
        var signIn = await browser.OpenAsync(Browser.AuthorizeUrl(client, redirect, scope, challenge));
        signIn.Url.AbsolutePath.ShouldBe("/signin", signIn.Html);
        signIn.Html.ShouldContain("<label for=\"userName\">Tên đăng nhập</label>");
        var next = await browser.SubmitAsync(signIn, new Dictionary<string, string> { ["userName"] = userName, ["password"] = Password });
        if (afterPassword is not null)
        {
            next = await afterPassword(next);
        }

        next.LeftTo.ShouldNotBeNull($"{next.Url} {next.Status}: {next.Html}");
        return (next.LeftTo, verifier);
    }

    private static async Task<JsonElement> RedeemAsync(Browser browser, Uri redirect, string verifier, string client = "api-docs", string redirectUri = IdentityFixture.ApiDocs)
    {
        Browser.Query(redirect, "state").ShouldBe("st");
        var code = Browser.Query(redirect, "code").ShouldNotBeNull(redirect.ToString());
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = client, ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
        };
        if (client == "portal")
        {
            form["client_secret"] = IdentityFixture.PortalSecret;
        }

        var (status, body) = await browser.TokenAsync(form);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private async Task<HttpStatusCode> CallPlanningAsync(string token, string url = "/api/units/bien-hoa/district-plans/years/2026/all")
    {
        using var client = fixture.Planning.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task Discovery_names_the_endpoints_and_the_published_keys_carry_the_signing_keys_id()
    {
        using var client = fixture.Identity.Client();
        var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).RootElement;
        discovery.GetProperty("issuer").GetString().ShouldBe(fixture.Issuer);
        discovery.GetProperty("authorization_endpoint").GetString().ShouldBe($"{fixture.Issuer}connect/authorize");
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldContain("S256");
        discovery.GetProperty("scopes_supported").EnumerateArray().Select(m => m.GetString()).ShouldBeSubsetOf(
            ["openid", "profile", "offline_access", "roles", "planning", "outreach", "partners", "identity"]);

        var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!))).RootElement;
        var key = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == SignInFixture.IdentityKey.KeyId);
        key.GetProperty("kty").GetString().ShouldBe("RSA");
        key.GetProperty("alg").GetString().ShouldBe("RS256");
        key.TryGetProperty("d", out _).ShouldBeFalse("no private part is published");
    }

    [Fact]
    public async Task Authorization_code_with_pkce_through_the_sign_in_form_gives_a_token_planning_accepts()
    {
        var name = NewUserName("officer");
        await fixture.OpenAccountAsync("bien-hoa", name, PlatformRoles.DistrictOfficer);
        using var browser = new Browser(fixture.Identity.BaseAddress);

        var (redirect, verifier) = await SignInAsync(browser, name);
        redirect.GetLeftPart(UriPartial.Path).ShouldBe(IdentityFixture.ApiDocs);
        var tokens = await RedeemAsync(browser, redirect, verifier);

        var access = tokens.GetProperty("access_token").GetString()!;
        tokens.GetProperty("expires_in").GetInt32().ShouldBeLessThanOrEqualTo(15 * 60);
        var header = JsonDocument.Parse(Base64UrlEncoder.Decode(access.Split('.')[0])).RootElement;
        header.GetProperty("alg").GetString().ShouldBe("RS256");
        var published = JsonDocument.Parse(await fixture.Identity.Client().GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative)))
            .RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString());
        published.ShouldContain(header.GetProperty("kid").GetString());

        (await CallPlanningAsync(access)).ShouldBe(HttpStatusCode.OK);
        (await CallPlanningAsync(access, "/api/units/long-thanh/district-plans/years/2026/all")).ShouldBe(HttpStatusCode.Forbidden);
        (await CallPlanningAsync(access, "/api/units/dong-nai/plan-templates")).ShouldBe(HttpStatusCode.Forbidden);

        // The code is used once.
        var (status, _) = await browser.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "api-docs", ["code"] = Browser.Query(redirect, "code")!,
            ["redirect_uri"] = IdentityFixture.ApiDocs, ["code_verifier"] = verifier,
        });
        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_its_verifier()
    {
        var name = NewUserName("pkce");
        await fixture.OpenAccountAsync("bien-hoa", name, PlatformRoles.DistrictOfficer);
        using var browser = new Browser(fixture.Identity.BaseAddress);
        var (redirect, _) = await SignInAsync(browser, name);

        var (status, body) = await browser.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "api-docs", ["code"] = Browser.Query(redirect, "code")!,
            ["redirect_uri"] = IdentityFixture.ApiDocs, ["code_verifier"] = Browser.Pkce().Verifier,
        });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task The_pages_switch_to_english_and_a_form_without_its_anti_forgery_token_is_refused()
    {
        using var browser = new Browser(fixture.Identity.BaseAddress);
        var english = await browser.OpenAsync("/language?culture=en&returnUrl=%2Fsignin");
        english.Html.ShouldContain("<label for=\"password\">Password</label>");
        english.Html.ShouldContain("lang=\"en\"");

        using var bare = new HttpClient { BaseAddress = fixture.Identity.BaseAddress };
        using var forged = await bare.PostAsync(new Uri("/signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin.dong-nai", ["password"] = Password }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var name = NewUserName("locked");
        await fixture.OpenAccountAsync("bien-hoa", name, PlatformRoles.DistrictOfficer);
        using var browser = new Browser(fixture.Identity.BaseAddress);
        var page = await browser.OpenAsync("/signin");
        for (var attempt = 0; attempt < Credentials.CredentialsConfiguration.MaxFailedAttempts; attempt++)
        {
            page = await browser.SubmitAsync(page, new Dictionary<string, string> { ["userName"] = name, ["password"] = "Sai@mat-khau1" });
        }

        page.Html.ShouldContain("tạm khoá");
        var correct = await browser.SubmitAsync(page, new Dictionary<string, string> { ["userName"] = name, ["password"] = Password });
        correct.LeftTo.ShouldBeNull();
        correct.Html.ShouldContain("tạm khoá");
        (await browser.OpenAsync("/")).Html.ShouldContain("chưa đăng nhập");
    }

    [Fact]
    public async Task A_suspended_account_gets_no_token_neither_by_refresh_nor_by_signing_in_until_reinstated()
    {
        var name = NewUserName("suspended");
        var id = await fixture.OpenAccountAsync("bien-hoa", name, PlatformRoles.DistrictOfficer);
        using var browser = new Browser(fixture.Identity.BaseAddress);
        var portal = $"{IdentityFixture.Portal}/signin-oidc";
        var (redirect, verifier) = await SignInAsync(browser, name, "portal", portal, "openid profile roles offline_access planning");
        var tokens = await RedeemAsync(browser, redirect, verifier, "portal", portal);
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        // Refresh tokens rotate: the new one replaces the old.
        var (status, refreshed) = await RefreshAsync(browser, refresh);
        status.ShouldBe(HttpStatusCode.OK, refreshed.ToString());
        refresh = refreshed.GetProperty("refresh_token").GetString()!;

        (await fixture.AccountCommandAsync($"/api/units/bien-hoa/accounts/{id}/suspend", new { version = 2, reason = "Tạm dừng công tác" })).EnsureSuccessStatusCode();
        var (afterSuspension, error) = await RefreshAsync(browser, refresh);
        afterSuspension.ShouldBe(HttpStatusCode.BadRequest);
        error.GetProperty("error").GetString().ShouldBe("invalid_grant");

        var (_, challenge) = Browser.Pkce();
        var denied = await browser.OpenAsync(Browser.AuthorizeUrl("portal", portal, "openid planning", challenge));
        Browser.Query(denied.LeftTo.ShouldNotBeNull(denied.Html), "error").ShouldBe("access_denied");

        (await fixture.AccountCommandAsync($"/api/units/bien-hoa/accounts/{id}/reinstate", new { version = 3, reason = "Trở lại công tác" })).EnsureSuccessStatusCode();
        var again = await browser.OpenAsync(Browser.AuthorizeUrl("portal", portal, "openid planning", challenge));
        Browser.Query(again.LeftTo.ShouldNotBeNull(again.Html), "code").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_withdrawn_grant_is_gone_from_the_next_refreshed_token()
    {
        var name = NewUserName("withdrawn");
        var id = await fixture.OpenAccountAsync("bien-hoa", name, PlatformRoles.DistrictOfficer);
        var granted = await fixture.AccountCommandAsync($"/api/units/bien-hoa/accounts/{id}/grants", new { version = 2, role = PlatformRoles.Auditor, reason = "Kiểm tra nội bộ" });
        var grantId = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("grantId").GetGuid();
        using var browser = new Browser(fixture.Identity.BaseAddress);
        var portal = $"{IdentityFixture.Portal}/signin-oidc";
        var (redirect, verifier) = await SignInAsync(browser, name, "portal", portal, "openid roles offline_access planning");
        var tokens = await RedeemAsync(browser, redirect, verifier, "portal", portal);
        Roles(tokens).ShouldBe([PlatformRoles.DistrictOfficer, PlatformRoles.Auditor], ignoreOrder: true);

        (await fixture.AccountCommandAsync($"/api/units/bien-hoa/accounts/{id}/grants/{grantId}/withdraw", new { version = 3, reason = "Hết đợt kiểm tra" })).EnsureSuccessStatusCode();
        var (status, refreshed) = await RefreshAsync(browser, tokens.GetProperty("refresh_token").GetString()!);
        status.ShouldBe(HttpStatusCode.OK);
        Roles(refreshed).ShouldBe([PlatformRoles.DistrictOfficer]);
    }

    [Fact]
    public async Task A_provincial_administrator_sets_up_a_second_factor_before_the_first_token_and_is_asked_for_it_after()
    {
        var name = NewUserName("admin");
        await fixture.OpenAccountAsync("dong-nai", name, PlatformRoles.ProvincialAdministrator);
        string? key = null;
        using (var first = new Browser(fixture.Identity.BaseAddress))
        {
            var (redirect, verifier) = await SignInAsync(first, name, afterPassword: async setUp =>
            {
                setUp.Url.AbsolutePath.ShouldBe("/account/authenticator", setUp.Html);
                key = AuthenticatorKey().Match(setUp.Html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                var wrong = await first.SubmitAsync(setUp, new Dictionary<string, string> { ["code"] = "000000" });
                wrong.Html.ShouldContain("Mã không đúng");
                return await first.SubmitAsync(wrong, new Dictionary<string, string> { ["code"] = Code(key) });
            });
            (await RedeemAsync(first, redirect, verifier)).GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
        }

        using var second = new Browser(fixture.Identity.BaseAddress);
        var (again, againVerifier) = await SignInAsync(second, name, afterPassword: async factor =>
        {
            factor.Url.AbsolutePath.ShouldBe("/signin/second-factor", factor.Html);
            factor.Html.ShouldNotContain("development-code");
            return await second.SubmitAsync(factor, new Dictionary<string, string> { ["code"] = Code(key!) });
        });
        var token = (await RedeemAsync(second, again, againVerifier)).GetProperty("access_token").GetString()!;
        (await CallPlanningAsync(token, "/api/units/dong-nai/plan-templates")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_demo_administrator_signs_in_with_the_code_the_development_banner_shows()
    {
        using var browser = new Browser(fixture.Identity.BaseAddress);
        var (redirect, verifier) = await SignInAsync(browser, "admin.dong-nai", afterPassword: async factor =>
        {
            var code = DevelopmentCode().Match(factor.Html).Groups[1].Value;
            code.Length.ShouldBe(6, factor.Html);
            return await browser.SubmitAsync(factor, new Dictionary<string, string> { ["code"] = code });
        });
        var token = (await RedeemAsync(browser, redirect, verifier)).GetProperty("access_token").GetString()!;
        var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
        claims.GetProperty("preferred_username").GetString().ShouldBe("admin.dong-nai");
        claims.GetProperty("unit").GetString().ShouldBe("dong-nai");
    }

    private static string Code(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    private static List<string> Roles(JsonElement tokens)
    {
        var role = JsonDocument.Parse(Base64UrlEncoder.Decode(tokens.GetProperty("access_token").GetString()!.Split('.')[1])).RootElement.GetProperty("role");
        return role.ValueKind == JsonValueKind.Array ? [.. role.EnumerateArray().Select(r => r.GetString()!)] : [role.GetString()!];
    }

    private static Task<(HttpStatusCode, JsonElement)> RefreshAsync(Browser browser, string refreshToken) => browser.TokenAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token", ["client_id"] = "portal", ["client_secret"] = IdentityFixture.PortalSecret, ["refresh_token"] = refreshToken,
    });

    [System.Text.RegularExpressions.GeneratedRegex("id=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial System.Text.RegularExpressions.Regex AuthenticatorKey();

    [System.Text.RegularExpressions.GeneratedRegex("id=\"development-code\">([0-9]{6})<")]
    private static partial System.Text.RegularExpressions.Regex DevelopmentCode();
}
