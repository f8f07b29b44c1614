using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.DevTokens;

/// <summary>Mints the platform's bearer tokens (HS256) for a user, a role and an organisation unit.</summary>
public static class TokenMinter
{
    public const string Issuer = "bhxh-platform";
    public const string Audience = "bhxh-platform";

    public static string Mint(string signingKey, string user, string role, string unit, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            Subject = new ClaimsIdentity([new Claim("name", user), new Claim("role", role), new Claim("unit", unit), new Claim("sub", user)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
