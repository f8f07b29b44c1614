using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BhxhPlatform.Portal.SignIn;

/// <summary>
/// Sign-in as a backend for frontend: a cookie session for the browser, OpenID Connect (code + PKCE,
/// client <c>portal</c>) against the identity service, tokens kept inside the encrypted cookie and
/// refreshed here (<see cref="TokenRefresher"/>); no token ever reaches the browser's script.
/// </summary>
public static class PortalSignIn
{
    public const string ClientId = "portal";
    public const string CookieName = "bhxh-portal";
    public const string AuthoritySetting = "Identity:Authority";
    public const string SecretSetting = "Identity:ClientSecret";

    public static readonly string[] Scopes = ["openid", "profile", "offline_access", "roles", "planning", "outreach", "partners", "identity"];

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var authority = configuration[AuthoritySetting]
            ?? throw new InvalidOperationException($"The setting {AuthoritySetting} (the identity service's address) is missing.");
        var secret = configuration[SecretSetting]
            ?? throw new InvalidOperationException($"The setting {SecretSetting} (the portal client's secret) is missing.");

        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                // The identity service on the same host has its own cookies: this one must not collide with them.
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = false;
                options.AccessDeniedPath = "/access-denied";
                options.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>().RefreshWhenNearExpiryAsync(context);
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = new Uri(authority).Scheme == Uri.UriSchemeHttps;
                // An identity service that does not answer gives the error page soon, not a hanging browser.
                options.BackchannelTimeout = TimeSpan.FromSeconds(15);
                options.ClientId = ClientId;
                options.ClientSecret = secret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SaveTokens = true;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.TokenValidationParameters.NameClaimType = PortalUser.NameClaim;
                options.TokenValidationParameters.RoleClaimType = PortalUser.RoleClaim;
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.SignedOutRedirectUri = "/signed-out";

                // The identity pages speak the portal's language (they read the same culture cookie on this host too).
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The field page's script cannot follow a sign-in redirect: it is told 401 and keeps its entries.
                    if (Offline.FieldCapture.IsApi(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                        return Task.CompletedTask;
                    }

                    context.ProtocolMessage.UiLocales = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary><c>GET /signin?returnUrl=</c> and <c>POST /signout</c> (ends the identity session too).</summary>
    public static WebApplication MapSignInEndpoints(this WebApplication app)
    {
        app.MapGet("/signin", (string? returnUrl) => Results.Challenge(
                new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        app.MapPost("/signout", () => Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/signed-out" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
        return app;
    }

    internal static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
