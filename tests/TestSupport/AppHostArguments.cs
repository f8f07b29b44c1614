using System.Security.Cryptography;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// The command line a test hands the AppHost (Aspire.Hosting.Testing): its throwaway PostgreSQL, keys and
/// secrets made for this run, and a folder of its own for the signed audit checkpoints, removed by <see cref="DeleteCheckpoints"/>.
/// </summary>
public sealed class AppHostArguments
{
    private readonly string _connectionString;
    private readonly string _demoDataSecret;
    private readonly bool _loadDemoData;

    /// <param name="checkpointFolder">Where the services write their signed audit checkpoints; a new temporary folder when null.</param>
    public AppHostArguments(string connectionString, string demoDataSecret, bool loadDemoData, string? checkpointFolder = null)
    {
        _connectionString = connectionString;
        _demoDataSecret = demoDataSecret;
        _loadDemoData = loadDemoData;
        CheckpointFolder = checkpointFolder ?? Path.Combine(Path.GetTempPath(), "bhxh-checkpoints-" + Guid.NewGuid().ToString("N"));
        MailFolder = CheckpointFolder + "-mail";
    }

    /// <summary>Where the identity service's Development mail sink keeps the reminder mail of this run (beside the checkpoints, removed with them).</summary>
    public string MailFolder { get; }

    /// <summary>Where the services write their signed audit checkpoints during this run.</summary>
    public string CheckpointFolder { get; }

    public string[] ToArray() =>
    [
        $"--ConnectionStrings:bhxh={_connectionString}",
        $"--Parameters:identity-signing-key={TestSigningKey.Rsa().PrivatePem()}",
        $"--Parameters:identity-encryption-key={Random32()}",
        $"--Parameters:portal-client-secret={Random32()}",
        $"--Parameters:demo-data-client-secret={_demoDataSecret}",
        $"--Parameters:personal-data-key={TestPersonalData.MasterKey}",
        $"--Parameters:audit-signing-key={AuditKey()}",
        $"--Parameters:audit-checkpoint-path={CheckpointFolder}",
        $"--Parameters:mail-folder={MailFolder}",
        $"--Parameters:load-demo-data={(_loadDemoData ? "true" : "false")}",
    ];

    /// <summary>Removes the checkpoint and mail folders (the run is over).</summary>
    public void DeleteCheckpoints()
    {
        foreach (var folder in new[] { CheckpointFolder, MailFolder }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Random32() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string AuditKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
