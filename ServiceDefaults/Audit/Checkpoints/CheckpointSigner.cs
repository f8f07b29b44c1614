using System.Security.Cryptography;

namespace BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

/// <summary>
/// The key checkpoints are signed with: a PEM private key (EC P-256, or RSA ≥ 2048 bits) from
/// configuration (<c>Audit:SigningKey</c>; the AppHost passes its <c>audit-signing-key</c> parameter),
/// held in memory only, never written to PostgreSQL.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    public CheckpointSigner(string privateKeyPem)
    {
        _key = CheckpointFormat.ImportKey(privateKeyPem);
        var size = _key.KeySize;
        if (_key is RSA ? size < 2048 : size < 256)
        {
            _key.Dispose();
            throw new InvalidOperationException($"Audit:SigningKey is a key of {size} bits: checkpoints need EC P-256 (or RSA of 2048 bits or more).");
        }

        PublicKey = new CheckpointPublicKey(CheckpointFormat.AlgorithmOf(_key), CheckpointFormat.KeyId(_key), CheckpointFormat.PublicKeyPem(_key));
    }

    public CheckpointPublicKey PublicKey { get; }

    public string Algorithm => PublicKey.Algorithm;

    public string KeyId => PublicKey.KeyId;

    public SignedCheckpoint Sign(AuditCheckpoint checkpoint) => new(checkpoint, CheckpointFormat.Sign(_key, checkpoint));

    /// <summary>The public half alone, for checking (the caller disposes it).</summary>
    public AsymmetricAlgorithm ExportPublic() => CheckpointFormat.ImportKey(PublicKey.PublicKeyPem);

    public void Dispose() => _key.Dispose();
}
