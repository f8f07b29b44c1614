using BhxhPlatform.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BhxhPlatform.Identity.Tokens;

/// <summary>
/// The clients the identity service knows, registered (or brought up to date) at every start from
/// configuration, and the API scopes with their audiences:
/// <list type="bullet">
/// <item><c>portal</c>: confidential (<c>Identity:Clients:Portal:Secret</c>), code + PKCE, rotating refresh tokens,
/// redirect <c>{Identity:PortalUrl}/signin-oidc</c>, after sign-out <c>{Identity:PortalUrl}/signout-callback-oidc</c>.</item>
/// <item><c>api-docs</c>: public, code + PKCE, for each service's API page (<c>Identity:ApiDocsUrls:0…</c>).</item>
/// <item><c>demo-data</c>: Development only, confidential (<c>Identity:Clients:DemoData:Secret</c>), the password grant
/// for the demo-data loader; removed from the store anywhere else.</item>
/// </list>
/// </summary>
public sealed class Clients(IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, IConfiguration configuration, IHostEnvironment environment)
{
    public const string Portal = "portal";
    public const string ApiDocs = OpenApiConventions.ApiDocsClient;
    public const string DemoData = "demo-data";

    public const string PortalUrlSetting = "Identity:PortalUrl";
    public const string PortalSecretSetting = "Identity:Clients:Portal:Secret";
    public const string DemoDataSecretSetting = "Identity:Clients:DemoData:Secret";
    public const string ApiDocsUrlsSetting = "Identity:ApiDocsUrls";

    /// <summary>The API pages' addresses (<c>http://localhost:5101/api-docs</c>, …): redirect URIs of api-docs and CORS origins.</summary>
    public static IReadOnlyList<string> ApiDocsUrls(IConfiguration configuration) =>
        [.. configuration.GetSection(ApiDocsUrlsSetting).GetChildren().Select(c => c.Value?.TrimEnd('/')).OfType<string>().Where(v => v.Length > 0)];

    /// <summary>Outside Development the secrets the clients need must be configured: fail at start, naming the missing one.</summary>
    public static void CheckConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[PortalUrlSetting]))
        {
            Secret(configuration, PortalSecretSetting, "portal-client-secret");
        }

        if (environment.IsDevelopment())
        {
            Secret(configuration, DemoDataSecretSetting, "demo-data-client-secret");
        }
    }

    private static string Secret(IConfiguration configuration, string setting, string parameter)
    {
        var secret = configuration[setting];
        return string.IsNullOrWhiteSpace(secret) || secret.Length < 32
            ? throw new InvalidOperationException(
                $"'{setting}' is not configured or shorter than 32 characters (256 bits): the client's secret (the AppHost passes the '{parameter}' parameter).")
            : secret;
    }

    public async Task RegisterAsync(CancellationToken cancellation)
    {
        foreach (var api in TokenServer.ApiScopes)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = api, DisplayName = $"{api} API", Resources = { api } };
            if (await scopes.FindByNameAsync(api, cancellation) is { } existing)
            {
                await scopes.UpdateAsync(existing, descriptor, cancellation);
            }
            else
            {
                await scopes.CreateAsync(descriptor, cancellation);
            }
        }

        if (configuration[PortalUrlSetting] is { Length: > 0 } portal)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = Portal,
                ClientSecret = Secret(configuration, PortalSecretSetting, "portal-client-secret"),
                ClientType = ClientTypes.Confidential,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "Cổng BHXH / BHXH portal",
                RedirectUris = { new Uri($"{portal.TrimEnd('/')}/signin-oidc") },
                PostLogoutRedirectUris = { new Uri($"{portal.TrimEnd('/')}/signout-callback-oidc") },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            Permit(descriptor, GrantTypes.AuthorizationCode, GrantTypes.RefreshToken);
            await SaveAsync(descriptor, cancellation);
        }

        var pages = ApiDocsUrls(configuration);
        if (pages.Count > 0)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = ApiDocs,
                ClientType = ClientTypes.Public,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "Trang API / API pages",
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };

            // Scalar returns to the page it was opened at, with or without a trailing slash or document name.
            foreach (var page in pages)
            {
                foreach (var uri in new[] { page, page + "/", page + "/v1" })
                {
                    descriptor.RedirectUris.Add(new Uri(uri));
                }
            }

            Permit(descriptor, GrantTypes.AuthorizationCode);
            await SaveAsync(descriptor, cancellation);
        }

        if (environment.IsDevelopment())
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = DemoData,
                ClientSecret = Secret(configuration, DemoDataSecretSetting, "demo-data-client-secret"),
                ClientType = ClientTypes.Confidential,
                DisplayName = "Demo data loader (Development)",
            };
            Permit(descriptor, GrantTypes.Password);
            await SaveAsync(descriptor, cancellation);
        }
        else if (await applications.FindByClientIdAsync(DemoData, cancellation) is { } left)
        {
            await applications.DeleteAsync(left, cancellation);
        }
    }

    private static void Permit(OpenIddictApplicationDescriptor descriptor, params string[] grantTypes)
    {
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var grantType in grantTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grantType);
            if (grantType == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
                descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
                descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            }
        }

        descriptor.Permissions.Add(Permissions.Scopes.Profile);
        descriptor.Permissions.Add(Permissions.Scopes.Roles);
        foreach (var api in TokenServer.ApiScopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + api);
        }
    }

    private async Task SaveAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellation)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellation) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellation);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellation);
        }
    }
}
