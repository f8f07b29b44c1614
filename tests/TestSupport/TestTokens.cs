using BhxhPlatform.Contracts;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// Access tokens for tests, signed with a key pair made for this test run. The services under test
/// trust it as their issuer by configuration (<see cref="Settings"/>): its public keys as a JSON Web
/// Key Set, no shared secret. The claims are the identity service's (sub, name, preferred_username,
/// role, unit, org, aud).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.test.bhxh.invalid/";

    public const string Province = "dong-nai";

    public static readonly TestSigningKey Key = TestSigningKey.Rsa();

    /// <summary>Every API the platform's tokens name as audience.</summary>
    public static readonly IReadOnlyList<string> Audiences = [ServiceNames.Planning, ServiceNames.Outreach, ServiceNames.Partners, "identity"];

    /// <summary>The configuration that makes a service trust <see cref="Key"/> (as <c>Section__Key</c> environment variables).</summary>
    public static IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Auth__Issuer"] = Issuer,
        ["Auth__Jwks"] = TestSigningKey.Jwks(Key),
    };

    /// <summary>Applies <see cref="Settings"/> to this process's environment (read by a service's builder as it starts).</summary>
    public static void TrustInThisProcess()
    {
        foreach (var (key, value) in Settings)
        {
            Environment.SetEnvironmentVariable(key, value);
        }
    }

    public static string For(string role, string unit, string? user = null, Guid? organisation = null) =>
        Mint(user ?? $"{role}@{unit}", [role], unit, organisation);

    public static string Mint(string user, IReadOnlyList<string> roles, string unit, Guid? organisation = null,
        IReadOnlyList<string>? audiences = null, DateTime? expires = null, TestSigningKey? key = null, string issuer = Issuer)
    {
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = user,
            [PlatformClaims.UserName] = user,
            [PlatformClaims.Name] = user,
            [PlatformClaims.Role] = roles.Count == 1 ? roles[0] : roles.ToArray(),
            [PlatformClaims.Unit] = unit,
        };
        if (organisation is { } org)
        {
            claims[PlatformClaims.Organisation] = org.ToString();
        }

        return (key ?? Key).Mint(claims, issuer, audiences ?? Audiences,
            expires: expires, notBefore: expires is { } e && e < DateTime.UtcNow ? e.AddMinutes(-10) : null);
    }

    /// <summary>The default caller of the service tests: the provincial administrator of Đồng Nai.</summary>
    public static string ProvincialAdministrator => For(PlatformRoles.ProvincialAdministrator, Province, "admin.dong-nai");
}
