using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

// Pure code, no database and no framework: compiled into the services and, as linked source, into
// tools/AuditVerify, which checks an export against the checkpoints without trusting any server.

/// <summary>The last event of one stream as a checkpoint saw it.</summary>
public sealed record CheckpointHead(Guid StreamId, long Version, string Hash, long Sequence);

/// <summary>
/// What one service's events of one unit were at a moment, signed with a key that never enters the
/// database: the head of every stream, a Merkle root over those heads, the unit's running chain over
/// every event's sequence number and hash, and the hash of the checkpoint before it.
/// </summary>
/// <param name="Number">1 for the unit's first checkpoint, then one more each time.</param>
/// <param name="HighestSequence">The checkpoint covers every event of the unit up to this sequence number.</param>
/// <param name="UnitChainHead">The unit's running chain (<see cref="HashChain.NextUnitHead"/>) over its events up to <paramref name="HighestSequence"/>.</param>
/// <param name="Previous">The hash (<see cref="CheckpointFormat.Hash"/>) of checkpoint <c>Number - 1</c>; null for the first.</param>
public sealed record AuditCheckpoint(
    int Format,
    string Service,
    string TenantId,
    long Number,
    DateTimeOffset CreatedAt,
    long HighestSequence,
    long Events,
    string UnitChainHead,
    string MerkleRoot,
    IReadOnlyList<CheckpointHead> Streams,
    string? Previous,
    string Algorithm,
    string KeyId);

/// <summary>A checkpoint and its signature (base64) over <see cref="CheckpointFormat.SignedBytes"/>.</summary>
public sealed record SignedCheckpoint(AuditCheckpoint Checkpoint, string Signature);

/// <summary>The public half of the signing key, as the audit API serves it.</summary>
public sealed record CheckpointPublicKey(string Algorithm, string KeyId, string PublicKeyPem);

/// <summary>How checkpoints are written down, hashed, signed and checked.</summary>
public static class CheckpointFormat
{
    public const int Version = 1;

    /// <summary>ECDSA over P-256 with SHA-256, the signature as r ‖ s (IEEE P1363).</summary>
    public const string EcdsaP256 = "ES256";

    /// <summary>RSASSA-PSS with SHA-256 (for an RSA signing key).</summary>
    public const string RsaPss = "PS256";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The bytes that are signed: the checkpoint as canonical JSON (keys sorted, no whitespace), UTF-8.</summary>
    public static byte[] SignedBytes(AuditCheckpoint checkpoint) =>
        Encoding.UTF8.GetBytes(HashChain.Canonical(JsonSerializer.Serialize(checkpoint, Json)));

    /// <summary>The hash a checkpoint is named by in the next one's <see cref="AuditCheckpoint.Previous"/>.</summary>
    public static string Hash(AuditCheckpoint checkpoint) => Convert.ToHexStringLower(SHA256.HashData(SignedBytes(checkpoint)));

    /// <summary>The key id: the first 16 bytes of the SHA-256 of the public key (SubjectPublicKeyInfo), in hex.</summary>
    public static string KeyId(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..16]);
    }

    public static string AlgorithmOf(AsymmetricAlgorithm key) => key is RSA ? RsaPss : EcdsaP256;

    public static string Sign(AsymmetricAlgorithm key, AuditCheckpoint checkpoint)
    {
        var bytes = SignedBytes(checkpoint);
        return Convert.ToBase64String(key switch
        {
            ECDsa ec => ec.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            RSA rsa => rsa.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => throw new NotSupportedException("Checkpoints are signed with an EC (P-256) or RSA key."),
        });
    }

    /// <summary>Reads a public key (PEM, SubjectPublicKeyInfo) or a private key (PEM), EC or RSA.</summary>
    public static AsymmetricAlgorithm ImportKey(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return ec;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public static string PublicKeyPem(AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PemEncoding.WriteString("PUBLIC KEY", key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>True when the checkpoint was signed by the private half of <paramref name="publicKey"/>, with its algorithm and key id.</summary>
    public static bool SignatureHolds(SignedCheckpoint checkpointAndSignature, AsymmetricAlgorithm publicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpointAndSignature);
        var checkpoint = checkpointAndSignature.Checkpoint;
        if (checkpoint.KeyId != KeyId(publicKey) || checkpoint.Algorithm != AlgorithmOf(publicKey))
        {
            return false;
        }

        var signature = new byte[512];
        if (!Convert.TryFromBase64String(checkpointAndSignature.Signature, signature, out var length))
        {
            return false;
        }

        var bytes = SignedBytes(checkpoint);
        return publicKey switch
        {
            ECDsa ec => ec.VerifyData(bytes, signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            RSA rsa => rsa.VerifyData(bytes, signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => false,
        };
    }

    /// <summary>
    /// The Merkle root over the stream heads, sorted by stream id (RFC 6962's tree hash: a leaf is
    /// SHA-256(0x00 ‖ "id\nversion\nhash\nsequence"), a node SHA-256(0x01 ‖ left ‖ right), split at the
    /// largest power of two below the count); SHA-256 of nothing for no stream.
    /// </summary>
    public static string MerkleRoot(IEnumerable<CheckpointHead> heads)
    {
        var leaves = heads.OrderBy(h => h.StreamId.ToString("D"), StringComparer.Ordinal).Select(Leaf).ToArray();
        return Convert.ToHexStringLower(leaves.Length == 0 ? SHA256.HashData([]) : Tree(leaves));
    }

    /// <summary>The heads in the order the Merkle tree and the checkpoint file list them.</summary>
    public static IReadOnlyList<CheckpointHead> Sorted(IEnumerable<CheckpointHead> heads) =>
        [.. heads.OrderBy(h => h.StreamId.ToString("D"), StringComparer.Ordinal)];

    private static byte[] Leaf(CheckpointHead head)
    {
        var text = Encoding.UTF8.GetBytes(string.Join('\n', head.StreamId.ToString("D"),
            head.Version.ToString(CultureInfo.InvariantCulture), head.Hash, head.Sequence.ToString(CultureInfo.InvariantCulture)));
        return SHA256.HashData([0, .. text]);
    }

    private static byte[] Tree(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1)
        {
            return leaves[0];
        }

        var split = 1;
        while (split * 2 < leaves.Length)
        {
            split *= 2;
        }

        return SHA256.HashData([1, .. Tree(leaves[..split]), .. Tree(leaves[split..])]);
    }
}
