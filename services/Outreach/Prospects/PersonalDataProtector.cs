using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>
/// Crypto-shredding of prospects' personal data: each person gets a random 256-bit data key,
/// personal fields are sealed with it (AES-GCM) BEFORE they are stored in events or documents,
/// and the data key itself is stored wrapped (AES-GCM) with the master key from configuration
/// (<c>PersonalData:MasterKey</c>, base64 of 32 bytes). Erasure destroys the person's data key;
/// the events are never touched, so the audit hash chain (which covers the ciphertext) stays
/// intact while the data can no longer be read by anyone.
/// </summary>
/// <remarks>
/// The master key also derives (HKDF) the key of the duplicate-detection claims: a claim id is
/// an HMAC of district + kind + value, so a list of phone numbers cannot be hashed to find who
/// is a prospect without the master key. Format of a sealed value: <c>enc:v1:{personId}:{base64(nonce|ciphertext|tag)}</c>;
/// the person id and a purpose are bound as associated data, so a ciphertext moved to another
/// person or field does not open.
/// </remarks>
public sealed class PersonalDataProtector
{
    public const string ConfigurationKey = "PersonalData:MasterKey";
    private const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _masterKey;
    private readonly byte[] _claimKey;
    private readonly UnreadablePersonalData? _unreadable;

    /// <param name="unreadable">Where a value that fails to open although its key exists is counted (none: not counted).</param>
    public PersonalDataProtector(byte[] masterKey, UnreadablePersonalData? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _unreadable = unreadable;
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The personal-data master key must be 32 bytes.", nameof(masterKey));
        }

        _masterKey = masterKey.ToArray();
        _claimKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _masterKey, 32, info: Encoding.UTF8.GetBytes("bhxh-outreach/prospect-claims/v1"));
    }

    /// <summary>Reads the master key from configuration, failing start-up with a clear message when it is missing or malformed.</summary>
    public static PersonalDataProtector FromConfiguration(IConfiguration configuration, UnreadablePersonalData? unreadable = null) =>
        new(MasterKey(configuration), unreadable);

    /// <summary>The master key from configuration, failing with a clear message when it is missing or malformed.</summary>
    public static byte[] MasterKey(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not configured (environment PersonalData__MasterKey): Outreach encrypts prospects' personal data "
                + "and cannot start without its master key (base64 of 32 random bytes; the AppHost passes the 'personal-data-key' parameter).");
        }

        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(text.Trim(), bytes, out var length) || length != 32)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be the base64 encoding of exactly 32 bytes.");
        }

        return bytes[..32];
    }

    /// <summary>A new random data key for one person, wrapped with the master key for storage.</summary>
    public PersonKey NewPersonKey(Guid personId, DateTimeOffset now)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            return new PersonKey(personId, Seal(_masterKey, dataKey, Aad(personId, "person-key")), now, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Seals one personal value with the person's key; null stays null.</summary>
    public string? Seal(PersonKey key, string? value, string purpose)
    {
        if (value is null)
        {
            return null;
        }

        var dataKey = Unwrap(key) ?? throw new InvalidOperationException("The person's key was destroyed: their data was erased.");
        try
        {
            return $"{Prefix}{key.Id:N}:{Seal(dataKey, Encoding.UTF8.GetBytes(value), Aad(key.Id, purpose))}";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Opens a sealed value; null when the key is gone (erased) or the value is null. A value that does not
    /// open although the key exists (altered, moved to another person, sealed under another master key) is
    /// also null, and is counted and logged as unreadable (<see cref="UnreadablePersonalData"/>).
    /// </summary>
    public string? Open(PersonKey? key, string? sealedValue, string purpose)
    {
        if (sealedValue is null || key?.WrappedKey is null)
        {
            return null;
        }

        var parts = sealedValue.StartsWith(Prefix, StringComparison.Ordinal) ? sealedValue[Prefix.Length..].Split(':') : [];
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var keyId))
        {
            return Unreadable(key, purpose, "malformed");
        }

        if (keyId != key.Id)
        {
            return Unreadable(key, purpose, "key-mismatch");
        }

        if (Unwrap(key) is not { } dataKey)
        {
            return Unreadable(key, purpose, "tag-mismatch");
        }

        try
        {
            return Open(dataKey, parts[1], Aad(key.Id, purpose)) is { } plain ? Encoding.UTF8.GetString(plain) : Unreadable(key, purpose, "tag-mismatch");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// A claim id: HMAC-SHA256 (key derived from the master key) of district, kind, normalised value and, from the second
    /// on, the claim's generation (see <see cref="ProspectContactKey"/>): generations look unrelated without the key.
    /// </summary>
    public Guid ClaimId(string unit, string kind, string value, int generation = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        var text = generation == 1
            ? $"prospect-claim\n{unit}\n{kind}\n{value}"
            : $"prospect-claim\n{unit}\n{kind}\n{value}\n{generation.ToString(CultureInfo.InvariantCulture)}";
        var mac = HMACSHA256.HashData(_claimKey, Encoding.UTF8.GetBytes(text));
        return new Guid(mac.AsSpan(0, 16));
    }

    private string? Unreadable(PersonKey key, string purpose, string reason)
    {
        _unreadable?.Record(key.Id, purpose, reason);
        return null;
    }

    private byte[]? Unwrap(PersonKey key) =>
        key.WrappedKey is null ? null : Open(_masterKey, key.WrappedKey, Aad(key.Id, "person-key"));

    private static byte[] Aad(Guid personId, string purpose) => Encoding.UTF8.GetBytes($"{personId:N}\n{purpose}");

    private static string Seal(byte[] key, byte[] plain, byte[] aad)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), aad);
        return Convert.ToBase64String(output);
    }

    private static byte[]? Open(byte[] key, string sealedBase64, byte[] aad)
    {
        byte[] input;
        try
        {
            input = Convert.FromBase64String(sealedBase64);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, plain.Length), input.AsSpan(NonceSize + plain.Length), plain, aad);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}

/// <summary>
/// A person's data key, wrapped with the master key; one per prospect (same id), in the
/// prospect's tenant. Erasure sets <see cref="WrappedKey"/> to null and keeps the row as the
/// record of when the key was destroyed.
/// </summary>
public sealed record PersonKey(Guid Id, string? WrappedKey, DateTimeOffset CreatedAt, DateTimeOffset? ErasedAt);
