using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BhxhPlatform.AppHost;

/// <summary>What a secret parameter holds, and so how it is checked (and made, in Development).</summary>
public enum SecretKind
{
    /// <summary>A PEM private key: RSA of 2048 bits or more, or EC P-256 or larger.</summary>
    SigningKey,

    /// <summary>Base64 of 32 random bytes (256 bits).</summary>
    Key256,

    /// <summary>A PEM private key on the P-256 curve (or a larger EC curve): the audit checkpoints' ECDSA key.</summary>
    EcSigningKey,

    /// <summary>A client secret of at least 32 characters.</summary>
    ClientSecret,
}

/// <summary>
/// The platform's keys and secrets as AppHost parameters. Configured values win (user secrets,
/// <c>Parameters__&lt;name&gt;</c>). In Development a missing one is made once, at random, in this
/// checkout's <c>.data/dev-&lt;name&gt;</c> (ignored by git); in any other environment a missing or weak
/// one stops the AppHost with a message naming it. In publish mode the deployment supplies them.
/// </summary>
public static class PlatformSecrets
{
    public static IResourceBuilder<ParameterResource> AddSecret(this IDistributedApplicationBuilder builder, string name, SecretKind kind)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddParameter(name, secret: true);
        }

        var value = builder.Configuration[$"Parameters:{name}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = builder.Environment.IsDevelopment()
                ? LoadOrCreate(Path.Combine(builder.AppHostDirectory, "..", ".data", $"dev-{name}"), kind)
                : throw new InvalidOperationException(
                    $"The parameter '{name}' is not configured ({Describe(kind)}). Outside Development there is no development key: " +
                    $"set it with 'dotnet user-secrets set Parameters:{name} …' in AppHost/ or the environment variable Parameters__{name}.");
        }

        Check(name, value, kind);
        return builder.AddParameter(name, value, publishValueAsDefault: false, secret: true);
    }

    /// <summary>Refuses a value that is not of its kind or weaker than 256 bits (2048 for RSA).</summary>
    public static void Check(string name, string value, SecretKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (kind)
        {
            case SecretKind.SigningKey:
                var bits = KeyBits(value);
                if (bits is null)
                {
                    throw new InvalidOperationException($"The parameter '{name}' is not a PEM private key (RSA or EC).");
                }

                if (bits.Value.Rsa ? bits.Value.Size < 2048 : bits.Value.Size < 256)
                {
                    throw new InvalidOperationException(
                        $"The parameter '{name}' is a {(bits.Value.Rsa ? "RSA" : "EC")} key of {bits.Value.Size} bits: at least {(bits.Value.Rsa ? 2048 : 256)} are required.");
                }

                break;
            case SecretKind.EcSigningKey:
                if (KeyBits(value) is not { Rsa: false, Size: >= 256 })
                {
                    throw new InvalidOperationException($"The parameter '{name}' is not a PEM EC private key of 256 bits or more (P-256).");
                }

                break;
            case SecretKind.Key256:
                var bytes = new byte[512];
                if (!Convert.TryFromBase64String(value.Trim(), bytes, out var length) || length < 32)
                {
                    throw new InvalidOperationException($"The parameter '{name}' must be base64 of at least 32 bytes (256 bits).");
                }

                break;
            default:
                if (value.Length < 32)
                {
                    throw new InvalidOperationException($"The parameter '{name}' is shorter than 32 characters (256 bits).");
                }

                break;
        }
    }

    private static (bool Rsa, int Size)? KeyBits(string pem)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return (false, ec.KeySize);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // Not an EC key: try RSA.
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return (true, rsa.KeySize);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return null;
        }
    }

    private static string Describe(SecretKind kind) => kind switch
    {
        SecretKind.SigningKey => "a PEM private key, RSA ≥ 2048 bits or EC P-256",
        SecretKind.Key256 => "base64 of 32 random bytes",
        SecretKind.EcSigningKey => "a PEM EC private key on P-256",
        _ => "at least 32 random characters",
    };

    private static string LoadOrCreate(string path, SecretKind kind)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = kind switch
        {
            SecretKind.SigningKey => RsaPem(),
            SecretKind.EcSigningKey => EcPem(),
            SecretKind.Key256 => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            _ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return value;
    }

    private static string EcPem()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ec.ExportPkcs8PrivateKeyPem();
    }

    private static string RsaPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
