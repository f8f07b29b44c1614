using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>
/// One issuer whose access tokens a service accepts: the platform's identity service (section
/// <c>Auth</c>) or another OpenID Connect provider (section <c>Auth:Issuers:&lt;name&gt;</c>, for
/// example the agency's single sign-on). Keys come from the issuer's published metadata
/// (<see cref="Authority"/>), or, where a service cannot reach it (tests, an isolated network),
/// from a JSON Web Key Set given as configuration (<see cref="Jwks"/> with <see cref="Issuer"/>).
/// </summary>
public sealed class TrustedIssuer
{
    /// <summary>The issuer's base URL; its metadata is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The exact <c>iss</c> of its tokens; read from the metadata when an authority is given.</summary>
    public string? Issuer { get; set; }

    /// <summary>The issuer's public keys as a JSON Web Key Set, instead of fetching them (requires <see cref="Issuer"/>).</summary>
    public string? Jwks { get; set; }

    /// <summary>The audience the service requires in <c>aud</c>; by default the service's own name (<c>planning</c>, …).</summary>
    public string? Audience { get; set; }

    /// <summary>Metadata over HTTPS only; true outside Development unless configured.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Which of the issuer's claims carry the platform's facts.</summary>
    public ClaimMapping Claims { get; set; } = new();

    /// <summary>The issuer's role values → the platform's roles; when empty, role values are taken as they are.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];
}

/// <summary>The issuer's claim types for the platform's claims; the defaults are the identity service's own.</summary>
public sealed class ClaimMapping
{
    public string Subject { get; set; } = PlatformClaims.Subject;

    public string UserName { get; set; } = PlatformClaims.UserName;

    public string Name { get; set; } = PlatformClaims.Name;

    public string Role { get; set; } = PlatformClaims.Role;

    public string Unit { get; set; } = PlatformClaims.Unit;

    public string Organisation { get; set; } = PlatformClaims.Organisation;
}

/// <summary>
/// Bearer tokens on every API, trusted only when signed (RS256 or ES256) by a key an issuer
/// publishes: issuer, audience (the service's own name), lifetime and algorithm are checked, and
/// a token signed with a key not seen yet makes the handler read the issuer's keys again (key
/// rollover). No shared secret exists anywhere. Every token, whatever its issuer, is turned into
/// the platform's claims (<see cref="PlatformClaims"/>), so the access rules see one shape.
/// </summary>
public static class PlatformAuthentication
{
    public const string Section = "Auth";
    public const string PlatformScheme = "Platform";
    public const string PrimaryScheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>The only signing algorithms accepted: asymmetric, so no service can mint a token another trusts.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>How often, at most, an unknown key makes a service read the issuer's keys again.</summary>
    public static readonly TimeSpan MinimumKeyRefresh = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder, string serviceName)
    {
        var development = builder.Environment.IsDevelopment();
        var issuers = ReadIssuers(builder.Configuration);
        var authentication = builder.Services.AddAuthentication(PlatformScheme);
        foreach (var (scheme, issuer) in issuers)
        {
            var audience = issuer.Audience ?? serviceName;
            authentication.AddJwtBearer(scheme, options => Configure(options, scheme, issuer, audience, development));
        }

        authentication.AddPolicyScheme(PlatformScheme, "Bearer tokens of the trusted issuers", options =>
            options.ForwardDefaultSelector = context => SchemeFor(context, issuers));
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The issuers of the configuration, the platform's own first; throws, naming the setting, when none is usable.</summary>
    public static IReadOnlyList<(string Scheme, TrustedIssuer Issuer)> ReadIssuers(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var primary = section.Get<TrustedIssuer>() ?? new TrustedIssuer();
        var issuers = new List<(string, TrustedIssuer)>();
        if (!string.IsNullOrWhiteSpace(primary.Authority) || !string.IsNullOrWhiteSpace(primary.Jwks))
        {
            issuers.Add((PrimaryScheme, Checked(primary, Section)));
        }

        foreach (var other in section.GetSection("Issuers").GetChildren())
        {
            issuers.Add(($"{PrimaryScheme}-{other.Key}", Checked(other.Get<TrustedIssuer>() ?? new TrustedIssuer(), other.Path)));
        }

        return issuers.Count > 0
            ? issuers
            : throw new InvalidOperationException(
                $"'{Section}:Authority' is not configured: the URL of the identity service whose published keys this service trusts " +
                $"(the AppHost passes it as {Section}__Authority). Tests name their issuer with '{Section}:Issuer' and '{Section}:Jwks'.");
    }

    private static TrustedIssuer Checked(TrustedIssuer issuer, string path)
    {
        if (!string.IsNullOrWhiteSpace(issuer.Jwks) && !string.IsNullOrWhiteSpace(issuer.Authority))
        {
            throw new InvalidOperationException($"'{path}' names both an authority and a key set: give '{path}:Authority' or '{path}:Jwks', not both.");
        }

        if (!string.IsNullOrWhiteSpace(issuer.Jwks))
        {
            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                throw new InvalidOperationException($"'{path}:Issuer' must name the issuer whose keys '{path}:Jwks' gives.");
            }

            CheckKeys(new JsonWebKeySet(issuer.Jwks), $"{path}:Jwks");
        }
        else if (string.IsNullOrWhiteSpace(issuer.Authority) || !Uri.TryCreate(issuer.Authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"'{path}:Authority' must be the absolute URL of an OpenID Connect issuer (or give '{path}:Jwks').");
        }

        return issuer;
    }

    /// <summary>Public keys given by configuration: asymmetric, with a key id, RSA of 2048 bits or more, EC of 256 or more.</summary>
    public static void CheckKeys(JsonWebKeySet keys, string setting)
    {
        if (keys.Keys.Count == 0)
        {
            throw new InvalidOperationException($"'{setting}' holds no key.");
        }

        foreach (var key in keys.Keys)
        {
            var bits = key.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.RSA => Base64UrlEncoder.DecodeBytes(key.N ?? "").Length * 8,
                JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Crv switch { "P-256" => 256, "P-384" => 384, "P-521" => 521, _ => 0 },
                _ => throw new InvalidOperationException(
                    $"'{setting}' holds a key of type '{key.Kty}': only RSA and EC public keys are trusted (no shared secret)."),
            };
            var minimum = key.Kty == JsonWebAlgorithmsKeyTypes.RSA ? 2048 : 256;
            if (bits < minimum)
            {
                throw new InvalidOperationException($"'{setting}' holds a {key.Kty} key of {bits} bits; at least {minimum} are required.");
            }

            if (string.IsNullOrWhiteSpace(key.Kid))
            {
                throw new InvalidOperationException($"'{setting}' holds a key without 'kid'.");
            }
        }
    }

    private static void Configure(JwtBearerOptions options, string scheme, TrustedIssuer issuer, string audience, bool development)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = issuer.RequireHttpsMetadata ?? !development;
        options.RefreshOnIssuerKeyNotFound = true;
        options.RefreshInterval = MinimumKeyRefresh;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [.. Algorithms],

            // The key is the one the token names; a token that names none, or an unknown one, is not tried with every key.
            TryAllIssuerSigningKeys = false,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = PlatformClaims.UserName,
            RoleClaimType = PlatformClaims.Role,
        };
        if (!string.IsNullOrWhiteSpace(issuer.Jwks))
        {
            options.TokenValidationParameters.ValidIssuer = issuer.Issuer;
            options.TokenValidationParameters.IssuerSigningKeys = new JsonWebKeySet(issuer.Jwks).GetSigningKeys();
        }
        else
        {
            options.Authority = issuer.Authority;
            if (!string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                options.TokenValidationParameters.ValidIssuer = issuer.Issuer;
            }
        }

        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = ToPlatformPrincipal(context.Principal!, issuer, scheme);
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The platform's claims read from a validated token, by the issuer's mapping; other claims are dropped.</summary>
    public static ClaimsPrincipal ToPlatformPrincipal(ClaimsPrincipal token, TrustedIssuer issuer, string authenticationType)
    {
        var map = issuer.Claims;
        var claims = new List<Claim>();
        void Copy(string from, string to, Func<string, string?>? convert = null)
        {
            foreach (var claim in token.FindAll(from))
            {
                var value = convert is null ? claim.Value : convert(claim.Value);
                if (!string.IsNullOrWhiteSpace(value) && !claims.Exists(c => c.Type == to && c.Value == value))
                {
                    claims.Add(new Claim(to, value, ClaimValueTypes.String, claim.Issuer));
                }
            }
        }

        Copy(map.Subject, PlatformClaims.Subject);
        Copy(map.UserName, PlatformClaims.UserName);
        Copy(map.Name, PlatformClaims.Name);
        Copy(map.Role, PlatformClaims.Role, value =>
        {
            var role = issuer.Roles.Count == 0 ? value : issuer.Roles.GetValueOrDefault(value);
            return role is not null && PlatformRoles.All.Contains(role) ? role : null;
        });
        Copy(map.Unit, PlatformClaims.Unit);
        Copy(map.Organisation, PlatformClaims.Organisation);
        if (!claims.Exists(c => c.Type == PlatformClaims.UserName) && claims.Find(c => c.Type == PlatformClaims.Subject) is { } subject)
        {
            claims.Add(new Claim(PlatformClaims.UserName, subject.Value, ClaimValueTypes.String, subject.Issuer));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, PlatformClaims.UserName, PlatformClaims.Role));
    }

    /// <summary>The scheme of the issuer a bearer token names (unvalidated: its own scheme validates it), else the platform's.</summary>
    private static string SchemeFor(HttpContext context, IReadOnlyList<(string Scheme, TrustedIssuer Issuer)> issuers)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (issuers.Count > 1 && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            var handler = new JsonWebTokenHandler();
            if (handler.CanReadToken(token))
            {
                try
                {
                    var iss = handler.ReadJsonWebToken(token).Issuer.TrimEnd('/');
                    foreach (var (scheme, issuer) in issuers)
                    {
                        if (string.Equals((issuer.Issuer ?? issuer.Authority)?.TrimEnd('/'), iss, StringComparison.Ordinal))
                        {
                            return scheme;
                        }
                    }
                }
                catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException or JsonException)
                {
                    // Not a readable JWT: the platform's scheme refuses it.
                }
            }
        }

        return issuers[0].Scheme;
    }
}
