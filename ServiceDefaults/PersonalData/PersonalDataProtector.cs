using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace BhxhPlatform.ServiceDefaults.PersonalData;

/// <summary>
/// Crypto-shredding of people's personal data (Outreach's prospects; Partners' contact persons, collaborators and
/// commended persons): each person gets a random 256-bit data key,
/// personal fields are sealed with it (AES-GCM) BEFORE they are stored in events or documents,
/// and the data key itself is stored wrapped (AES-GCM) with the master key from configuration
/// (<c>PersonalData:MasterKey</c>, base64 of 32 bytes). Erasure destroys the person's data key;
/// the events are never touched, so the audit hash chain (which covers the ciphertext) stays
/// intact while the data can no longer be read by anyone.
/// </summary>
/// <remarks>
/// The master key also derives (HKDF) the keys of stable keyed ids (<see cref="StableId"/>, e.g. Outreach's
/// duplicate-detection claims: an HMAC of district + kind + value, so a list of phone numbers cannot be hashed to find
/// who is a prospect without the master key). Format of a sealed value: <c>enc:v1:{personId}:{base64(nonce|ciphertext|tag)}</c>;
/// the person id and a purpose are bound as associated data, so a ciphertext moved to another
/// person or field does not open.
/// <para>
/// Rotation: a new master key is configured as <c>PersonalData:MasterKey</c> and the one it replaces moves to
/// <c>PersonalData:PreviousKeys</c> (base64, comma-separated, newest first), which only ever unwrap. Every wrapped
/// key carries the id of the master key that wrapped it (<see cref="PersonKey.KeyId"/>, a fingerprint, never the
/// key), and <see cref="Rewrap"/> wraps a person's data key again with the current one; the personal data itself is
/// not re-encrypted. Once every key is re-wrapped (<c>POST …/personal-data/rewrap</c>), a previous key opens
/// nothing stored any more. The stable ids' keys stay derived from the oldest key of the ring (the last previous
/// key, or the master key before any rotation), so ids (Outreach's claims) still match; that key then serves no other use.
/// </para>
/// </remarks>
public sealed class PersonalDataProtector
{
    public const string ConfigurationKey = "PersonalData:MasterKey";
    public const string PreviousKeysConfigurationKey = "PersonalData:PreviousKeys";
    private const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _masterKey;
    private readonly ConcurrentDictionary<string, byte[]> _stableKeys = new(StringComparer.Ordinal);
    private readonly (string Id, byte[] Key)[] _ring;
    private readonly UnreadablePersonalData? _unreadable;

    /// <param name="unreadable">Where a value that fails to open although its key exists is counted (none: not counted).</param>
    /// <param name="previousKeys">Master keys replaced by <paramref name="masterKey"/>, newest first: they only unwrap.</param>
    public PersonalDataProtector(byte[] masterKey, UnreadablePersonalData? unreadable = null, IReadOnlyList<byte[]>? previousKeys = null)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _unreadable = unreadable;
        byte[][] keys = [masterKey, .. previousKeys ?? []];
        if (keys.Any(k => k.Length != 32))
        {
            throw new ArgumentException("Each personal-data master key must be 32 bytes.", nameof(masterKey));
        }

        _ring = [.. keys.Select(k => (IdOf(k), k.ToArray()))];
        if (_ring.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != _ring.Length)
        {
            throw new ArgumentException("A personal-data master key is configured twice.", nameof(previousKeys));
        }

        _masterKey = _ring[0].Key;
        KeyId = _ring[0].Id;
    }

    /// <summary>The id of the current master key: what new and re-wrapped keys carry.</summary>
    public string KeyId { get; }

    /// <summary>
    /// A master key's id: 16 hex digits derived from it (HKDF), which tell keys apart and give nothing of them away.
    /// (The derivation's label names Outreach, where sealing began; it stays, since stored keys carry these ids.)
    /// </summary>
    public static string IdOf(byte[] masterKey) =>
        Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 8, info: Encoding.UTF8.GetBytes("bhxh-outreach/master-key-id/v1")));

    /// <summary>Reads the master key (and the previous ones) from configuration, failing start-up with a clear message when one is missing or malformed.</summary>
    public static PersonalDataProtector FromConfiguration(IConfiguration configuration, UnreadablePersonalData? unreadable = null) =>
        new(MasterKey(configuration), unreadable, PreviousKeys(configuration));

    /// <summary>The previous master keys from configuration (<c>PersonalData:PreviousKeys</c>, base64, comma-separated, newest first); none when not set.</summary>
    public static IReadOnlyList<byte[]> PreviousKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[PreviousKeysConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(value =>
        {
            var bytes = new byte[64];
            return Convert.TryFromBase64String(value, bytes, out var length) && length == 32
                ? bytes[..32]
                : throw new InvalidOperationException($"Each key of {PreviousKeysConfigurationKey} must be the base64 encoding of exactly 32 bytes.");
        })];
    }

    /// <summary>The master key from configuration, failing with a clear message when it is missing or malformed.</summary>
    public static byte[] MasterKey(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not configured (environment PersonalData__MasterKey): this service seals people's personal data "
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
            return new PersonKey(personId, Seal(_masterKey, dataKey, Aad(personId, "person-key")), now, null, KeyId);
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

        if (key.KeyId is { } wrappedWith && _ring.All(k => k.Id != wrappedWith))
        {
            return Unreadable(key, purpose, "unknown-master-key");
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
    /// A stable keyed id: HMAC-SHA256 of <paramref name="text"/> with a key derived (HKDF, labelled <paramref name="label"/>)
    /// from the oldest master key of the ring, so the same text gives the same id across rotations, and nothing without
    /// the master key can tell which text an id stands for.
    /// </summary>
    public Guid StableId(string label, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(text);
        var key = _stableKeys.GetOrAdd(label, l => HKDF.DeriveKey(HashAlgorithmName.SHA256, _ring[^1].Key, 32, info: Encoding.UTF8.GetBytes(l)));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
        return new Guid(mac.AsSpan(0, 16));
    }

    private string? Unreadable(PersonKey key, string purpose, string reason)
    {
        _unreadable?.Record(key.Id, purpose, reason);
        return null;
    }

    /// <summary>
    /// The person's key wrapped again with the current master key, or why not: <see cref="RewrapOutcome.Current"/> (it already
    /// is), <see cref="RewrapOutcome.Erased"/>, <see cref="RewrapOutcome.Unreadable"/> (no key of the ring opens it: counted).
    /// </summary>
    public (RewrapOutcome Outcome, PersonKey Key) Rewrap(PersonKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.WrappedKey is null)
        {
            return (RewrapOutcome.Erased, key);
        }

        if (key.KeyId == KeyId)
        {
            return (RewrapOutcome.Current, key);
        }

        if (Unwrap(key) is not { } dataKey)
        {
            _unreadable?.Record(key.Id, "person-key", key.KeyId is { } id && _ring.All(k => k.Id != id) ? "unknown-master-key" : "tag-mismatch");
            return (RewrapOutcome.Unreadable, key);
        }

        try
        {
            return (RewrapOutcome.Rewrapped, key with { WrappedKey = Seal(_masterKey, dataKey, Aad(key.Id, "person-key")), KeyId = KeyId });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Unwraps with the master key the key names; a key wrapped before keys had ids is tried with each key of the ring.</summary>
    private byte[]? Unwrap(PersonKey key)
    {
        if (key.WrappedKey is not { } wrapped)
        {
            return null;
        }

        var aad = Aad(key.Id, "person-key");
        foreach (var (id, master) in _ring)
        {
            if ((key.KeyId is null || key.KeyId == id) && Open(master, wrapped, aad) is { } dataKey)
            {
                return dataKey;
            }
        }

        return null;
    }

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
/// A person's data key, wrapped with the master key; one per person (same id as the record of the person: the
/// prospect, the partner's contact, the collaborator, the commendation), in the person's tenant. Erasure sets <see cref="WrappedKey"/> to null and keeps the row as the
/// record of when the key was destroyed.
/// </summary>
/// <param name="KeyId">The id of the master key that wrapped it (<see cref="PersonalDataProtector.IdOf"/>); null on keys wrapped before ids were kept.</param>
public sealed record PersonKey(Guid Id, string? WrappedKey, DateTimeOffset CreatedAt, DateTimeOffset? ErasedAt, string? KeyId = null);

/// <summary>What <see cref="PersonalDataProtector.Rewrap"/> did with one person's key.</summary>
public enum RewrapOutcome
{
    Rewrapped,
    Current,
    Erased,
    Unreadable,
}
