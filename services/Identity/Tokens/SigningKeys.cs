using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.Identity.Tokens;

/// <summary>
/// The identity service's keys, from configuration only (no development fallback in the service:
/// in Development the AppHost generates them into <c>.data/</c>):
/// <list type="bullet">
/// <item><c>Identity:SigningKey</c>: the PEM (PKCS#8) private key access and identity tokens are signed with,
/// RSA of 2048 bits or more (RS256) or EC P-256 (ES256).</item>
/// <item><c>Identity:RetiredSigningKeys:0…</c>: earlier signing keys, still published so the tokens they signed
/// stay valid until they expire (rollover: move the current key here, put a new one above).</item>
/// <item><c>Identity:EncryptionKey</c>: base64 of at least 32 bytes; seals authorization codes and refresh tokens
/// (which only this service reads).</item>
/// </list>
/// Each key's id is its RFC 7638 thumbprint, so a key keeps its <c>kid</c> wherever it is configured.
/// </summary>
public sealed class SigningKeys
{
    public const string SigningKeySetting = "Identity:SigningKey";
    public const string RetiredKeysSetting = "Identity:RetiredSigningKeys";
    public const string EncryptionKeySetting = "Identity:EncryptionKey";

    private SigningKeys(IReadOnlyList<AsymmetricSecurityKey> signing, SymmetricSecurityKey encryption)
    {
        Signing = signing;
        Encryption = encryption;
    }

    /// <summary>The current key first, then the retired ones.</summary>
    public IReadOnlyList<AsymmetricSecurityKey> Signing { get; }

    public SymmetricSecurityKey Encryption { get; }

    public static SigningKeys FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var current = configuration[SigningKeySetting];
        if (string.IsNullOrWhiteSpace(current))
        {
            throw new InvalidOperationException(
                $"'{SigningKeySetting}' is not configured: the PEM private key the identity service signs tokens with " +
                "(RSA ≥ 2048 bits or EC P-256; the AppHost passes the 'identity-signing-key' parameter as Identity__SigningKey).");
        }

        var keys = new List<AsymmetricSecurityKey> { Parse(current, SigningKeySetting) };
        foreach (var retired in configuration.GetSection(RetiredKeysSetting).GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(retired.Value))
            {
                keys.Add(Parse(retired.Value, retired.Path));
            }
        }

        var encryption = configuration[EncryptionKeySetting];
        if (string.IsNullOrWhiteSpace(encryption))
        {
            throw new InvalidOperationException(
                $"'{EncryptionKeySetting}' is not configured: base64 of at least 32 random bytes, sealing authorization codes and " +
                "refresh tokens (the AppHost passes the 'identity-encryption-key' parameter as Identity__EncryptionKey).");
        }

        var bytes = new byte[256];
        if (!Convert.TryFromBase64String(encryption.Trim(), bytes, out var length) || length < 32)
        {
            throw new InvalidOperationException($"'{EncryptionKeySetting}' must be base64 of at least 32 bytes (256 bits); it is shorter.");
        }

        return new SigningKeys(keys, new SymmetricSecurityKey(bytes[..32]));
    }

    /// <summary>A PEM private key, checked for its kind and size, with its thumbprint as key id.</summary>
    public static AsymmetricSecurityKey Parse(string pem, string setting)
    {
        ArgumentNullException.ThrowIfNull(pem);
        AsymmetricSecurityKey key;
        if (TryEc(pem) is { } curve)
        {
            if (curve.KeySize < 256)
            {
                throw new InvalidOperationException($"'{setting}' is an EC key of {curve.KeySize} bits; at least 256 are required (P-256).");
            }

            key = new ECDsaSecurityKey(curve);
        }
        else
        {
            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(pem);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"'{setting}' is not a PEM private key (RSA or EC): {e.Message}", e);
            }

            if (rsa.KeySize < 2048)
            {
                throw new InvalidOperationException($"'{setting}' is an RSA key of {rsa.KeySize} bits; at least 2048 are required.");
            }

            key = new RsaSecurityKey(rsa);
        }

        key.KeyId = KeyId(key);
        return key;
    }

    private static ECDsa? TryEc(string pem)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return ec;
        }
        catch (ArgumentException)
        {
            ec.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            ec.Dispose();
            return null;
        }
    }

    /// <summary>The RFC 7638 thumbprint of the key's public half, base64url.</summary>
    public static string KeyId(AsymmetricSecurityKey key) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());

    /// <summary>The public keys as a JSON Web Key Set: what the identity service trusts for its own API (no round trip to itself).</summary>
    public string PublicJwks() => JsonSerializer.Serialize(new
    {
        keys = Signing.Select(k =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromSecurityKey(k);
            return jwk.Kty == JsonWebAlgorithmsKeyTypes.RSA
                ? (object)new { kty = jwk.Kty, kid = k.KeyId, use = "sig", n = jwk.N, e = jwk.E }
                : new { kty = jwk.Kty, kid = k.KeyId, use = "sig", crv = jwk.Crv, x = jwk.X, y = jwk.Y };
        }).ToArray(),
    });

    /// <summary>The signing algorithm of a key: RS256 or ES256.</summary>
    public static string Algorithm(AsymmetricSecurityKey key) =>
        key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256;
}
