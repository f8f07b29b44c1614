using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// An asymmetric key pair made for a test run: it signs tokens as an issuer would, and gives its
/// public half as a JSON Web Key Set (what a service is told to trust) or its private half as PEM
/// (what the identity service is configured with). The key id is the RFC 7638 thumbprint, as the
/// identity service computes it.
/// </summary>
public sealed class TestSigningKey
{
    private readonly AsymmetricAlgorithm _algorithm;

    private TestSigningKey(AsymmetricAlgorithm algorithm, AsymmetricSecurityKey key, string signingAlgorithm)
    {
        _algorithm = algorithm;
        Key = key;
        Algorithm = signingAlgorithm;
        var jwk = JsonWebKeyConverter.ConvertFromSecurityKey(key);
        KeyId = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        Key.KeyId = KeyId;
    }

    public AsymmetricSecurityKey Key { get; }

    public string KeyId { get; }

    public string Algorithm { get; }

    public static TestSigningKey Rsa(int bits = 2048)
    {
        var rsa = RSA.Create(bits);
        return new TestSigningKey(rsa, new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
    }

    public static TestSigningKey Ec()
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new TestSigningKey(ec, new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>The private key as PKCS#8 PEM (the form the identity service's signing key is configured in).</summary>
    public string PrivatePem() => _algorithm switch
    {
        RSA rsa => rsa.ExportPkcs8PrivateKeyPem(),
        ECDsa ec => ec.ExportPkcs8PrivateKeyPem(),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The public key alone, as a JSON Web Key.</summary>
    public Dictionary<string, object> PublicJwk()
    {
        var jwk = _algorithm switch
        {
            RSA rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false))),
            ECDsa ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false)))),
            _ => throw new InvalidOperationException(),
        };
        var fields = new Dictionary<string, object> { ["kty"] = jwk.Kty, ["kid"] = KeyId, ["use"] = "sig", ["alg"] = Algorithm };
        if (jwk.Kty == JsonWebAlgorithmsKeyTypes.RSA)
        {
            fields["n"] = jwk.N;
            fields["e"] = jwk.E;
        }
        else
        {
            fields["crv"] = jwk.Crv;
            fields["x"] = jwk.X;
            fields["y"] = jwk.Y;
        }

        return fields;
    }

    /// <summary>A JSON Web Key Set of these keys' public halves.</summary>
    public static string Jwks(params TestSigningKey[] keys) =>
        JsonSerializer.Serialize(new { keys = keys.Select(k => k.PublicJwk()).ToArray() });

    /// <summary>A signed JWT with these claims (arrays for repeated claims), issuer, audiences and lifetime.</summary>
    public string Mint(IReadOnlyDictionary<string, object> claims, string issuer, IReadOnlyList<string> audiences, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var payload = new Dictionary<string, object>(claims) { ["aud"] = audiences.ToArray() };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = notBefore ?? now.AddSeconds(-5),
            NotBefore = notBefore ?? now.AddSeconds(-5),
            Expires = expires ?? now.AddMinutes(10),
            Claims = payload,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(Key, Algorithm),
        });
    }

    /// <summary>A principal's claims as a token's (for tests that build claims as in a token).</summary>
    public static Dictionary<string, object> Claims(IEnumerable<Claim> claims) =>
        claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(c => c.Value).ToArray());
}
