using BhxhPlatform.Contracts;
using BhxhPlatform.Identity.Credentials;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BhxhPlatform.Identity.Tokens;

/// <summary>
/// The OpenID Connect provider (OpenIddict server): authorization code with PKCE and rotating refresh
/// tokens for people, the password grant for the demo-data client in Development only. Access tokens
/// are JWTs (not encrypted, so every service validates them with the published keys), signed RS256 or
/// ES256 with a key id, valid <see cref="AccessTokenLifetime"/>.
/// </summary>
public static class TokenServer
{
    public const string IssuerSetting = "Identity:Issuer";

    /// <summary>An access token lives at most this long: a suspension or a withdrawn grant is felt within it.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A refresh token (rotated at each use) lives a working day.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromHours(10);

    /// <summary>The API scopes: each is also the audience (<c>aud</c>) of the tokens that carry it.</summary>
    public static readonly IReadOnlyList<string> ApiScopes = [ServiceNames.Planning, ServiceNames.Outreach, ServiceNames.Partners, ServiceNames.Identity];

    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder, SigningKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var issuer = Issuer(builder.Configuration);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStore>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
                if (development)
                {
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, Scopes.Roles, .. ApiScopes]);
                server.SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetIdentityTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));

                // The first key signs; the retired ones are still published (JWKS) until their tokens have expired.
                foreach (var key in keys.Signing)
                {
                    server.AddSigningKey(key);
                }

                server.AddEncryptionKey(keys.Encryption);
                server.DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();

                // Locally everything is plain HTTP on loopback; a deployment terminates TLS in front (Identity:AllowHttp).
                if (development || builder.Configuration.GetValue<bool>("Identity:AllowHttp"))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }

    public static Uri Issuer(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var issuer = configuration[IssuerSetting];
        return Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"'{IssuerSetting}' must be the identity service's public base URL, the 'iss' of its tokens " +
                "(the AppHost passes its endpoint as Identity__Issuer; locally http://localhost:5104).");
    }
}
