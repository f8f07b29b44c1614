using Alba;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BhxhPlatform.Portal.Tests;

/// <summary>The portal as a backend for frontend, hosted in memory with the identity service's metadata given (no identity running).</summary>
public sealed class PortalHost : IAsyncLifetime
{
    public const string Authorize = "http://identity.test/connect/authorize";

    public IAlbaHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await AlbaHost.For<Program>(web =>
    {
        web.UseSetting("Identity:Authority", "http://identity.test");
        web.UseSetting("Identity:ClientSecret", "a-test-secret-of-at-least-32-characters!");
        web.ConfigureServices(services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            options.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "http://identity.test/",
                AuthorizationEndpoint = Authorize,
                TokenEndpoint = "http://identity.test/connect/token",
                EndSessionEndpoint = "http://identity.test/connect/endsession",
            };
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(options.Configuration);
        }));
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class SignInTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plan")]
    [InlineData("/activities/new?line=2.04")]
    public async Task A_page_without_a_session_sends_the_browser_to_the_identity_service_with_code_and_PKCE(string page)
    {
        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url(page);
            s.StatusCodeShouldBe(302);
        });

        var location = new Uri(result.Context.Response.Headers.Location.ToString());
        location.GetLeftPart(UriPartial.Path).ShouldBe(PortalHost.Authorize);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        query["client_id"].ToString().ShouldBe("portal");
        query["response_type"].ToString().ShouldBe("code");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["code_challenge"].ToString().Length.ShouldBe(43);
        query["scope"].ToString().Split(' ').ShouldBe(["openid", "profile", "offline_access", "roles", "planning", "outreach", "partners", "identity"]);
        query["redirect_uri"].ToString().ShouldEndWith("/signin-oidc");
        query["ui_locales"].ToString().ShouldBe("vi");
    }

    [Fact]
    public async Task The_English_switch_is_remembered_and_reaches_the_identity_pages()
    {
        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/language?culture=en&returnUrl=/plan");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("/plan");
        });
        var cookie = result.Context.Response.Headers.SetCookie.ToString();
        cookie.ShouldContain(".AspNetCore.Culture=c%3Dvi-VN%7Cuic%3Den");
        cookie.ShouldContain("httponly");

        var challenge = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/plan");
            s.WithRequestHeader("Cookie", ".AspNetCore.Culture=c%3Dvi-VN%7Cuic%3Den");
            s.StatusCodeShouldBe(302);
        });
        challenge.Context.Response.Headers.Location.ToString().ShouldContain("ui_locales=en");
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("http://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_goes_back_to_portal_pages_only(string returnUrl) =>
        await portal.Host.Scenario(s =>
        {
            s.Get.Url($"/language?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("/");
        });

    [Fact]
    public async Task An_unknown_address_gives_the_readable_not_found_page_without_signing_in()
    {
        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/no-such-page");
            s.StatusCodeShouldBe(404);
        });

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("<h1 data-testid=\"error-heading\">Không tìm thấy trang</h1>");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Health_answers_without_a_session() =>
        await portal.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBe(200);
        });
}
