using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

namespace BhxhPlatform.AuditVerify;

/// <summary>One line of an NDJSON export: an event as the audit API wrote it.</summary>
public sealed record ExportedEvent(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    JsonElement Data,
    DateTimeOffset Timestamp,
    string TenantId,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string? Hash,
    string? PreviousHash,
    int ChainFormat = 1,
    JsonElement? Headers = null)
{
    public ChainedEvent ToChained() => new(Sequence, ChainFormat, Hash, PreviousHash, new HashChain.FactsV2(
        Id, TenantId, StreamId, Version, Type, Timestamp, Data.GetRawText(), UserName, CorrelationId, CausationId,
        Headers is { ValueKind: JsonValueKind.Object } headers ? headers.GetRawText() : null));
}

/// <summary>The manifest line that ends an NDJSON export.</summary>
public sealed record ExportedManifest(string TenantId, DateTimeOffset? From, DateTimeOffset? To, long Count, long? LastSequence, string Sha256, string? Service);

/// <summary>What the verifier concluded: each check with its outcome, and every finding.</summary>
public sealed record VerificationReport(string TenantId, string? Service, long Events, int Streams, int Checkpoints, long? AgainstCheckpoint,
    IReadOnlyList<(string Check, bool Holds, string Detail)> Checks, IReadOnlyList<AuditFinding> Findings)
{
    public bool Holds => Checks.All(c => c.Holds) && Findings.Count == 0;
}

/// <summary>
/// Reads an export, the checkpoint files and the public key from disk, and checks them against each
/// other with no server involved: the export is complete (its manifest's count and SHA-256), every
/// event hashes into its stream's chain, every checkpoint is signed by the key and names the one
/// before it, its Merkle root holds, and the events reproduce every stream head and the unit chain it signed.
/// </summary>
public static class Verification
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var options = Options(args);
        if (options is null)
        {
            await output.WriteLineAsync(
                "usage: AuditVerify --export <unit>-events.ndjson --checkpoints <folder of checkpoint files> --public-key <public-key.pem>");
            return 2;
        }

        try
        {
            var report = await VerifyAsync(options.Value.Export, options.Value.Checkpoints, options.Value.PublicKey, CancellationToken.None);
            await WriteAsync(report, output);
            return report.Holds ? 0 : 1;
        }
        catch (Exception e) when (e is IOException or JsonException or CryptographicException or ArgumentException or InvalidDataException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"FAIL  the inputs could not be read: {e.Message}");
            return 2;
        }
    }

    public static async Task<VerificationReport> VerifyAsync(string exportPath, string checkpointFolder, string publicKeyPath, CancellationToken cancellationToken)
    {
        using var key = CheckpointFormat.ImportKey(await File.ReadAllTextAsync(publicKeyPath, cancellationToken));
        var checks = new List<(string, bool, string)>();

        // The export: every line but the last is an event; the last is the manifest.
        var lines = new List<string>();
        using (var reader = new StreamReader(exportPath, new UTF8Encoding(false)))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
            }
        }

        if (lines.Count == 0 || !lines[^1].StartsWith("{\"manifest\"", StringComparison.Ordinal))
        {
            throw new InvalidDataException("The export does not end with its manifest line.");
        }

        var manifest = JsonDocument.Parse(lines[^1]).RootElement.GetProperty("manifest").Deserialize<ExportedManifest>(Json)
            ?? throw new InvalidDataException("The manifest line is empty.");
        var eventLines = lines[..^1];
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(eventLines.Select(l => l + "\n")))));
        checks.Add(("export complete and unchanged (manifest count and SHA-256)", sha == manifest.Sha256 && eventLines.Count == manifest.Count,
            $"{eventLines.Count} events, SHA-256 {sha}; the manifest says {manifest.Count} and {manifest.Sha256}"));
        var whole = manifest.From is null && manifest.To is null;
        checks.Add(("export holds the unit's whole history", whole,
            whole ? "no time range" : "the export covers a time range: checkpoints can only be checked against a whole history (export without from and to)"));

        var checkpoints = await ReadCheckpointsAsync(checkpointFolder, manifest, cancellationToken);
        var chains = new StreamChains();
        var check = new CheckpointCheck(manifest.TenantId, checkpoints, key);
        foreach (var line in eventLines)
        {
            var e = JsonSerializer.Deserialize<ExportedEvent>(line, Json) ?? throw new InvalidDataException("An empty event line.");
            var chained = e.ToChained();
            chains.Add(chained);
            check.Add(chained);
        }

        var findings = chains.Findings.Concat(check.Finish()).ToList();
        checks.Add(("every event hashes into its stream's chain", chains.Findings.Count == 0, $"{chains.Events} events in {chains.Streams} streams"));
        checks.Add(("signed checkpoints found", checkpoints.Count > 0 && check.LastTrusted is not null,
            check.LastTrusted is { } last
                ? $"{checkpoints.Count} checkpoints; the latest whose signature holds is number {last.Number} of {last.CreatedAt:O} (up to sequence {last.HighestSequence})"
                : $"{checkpoints.Count} checkpoints, none signed by key {CheckpointFormat.KeyId(key)}"));
        return new VerificationReport(manifest.TenantId, manifest.Service, chains.Events, chains.Streams, checkpoints.Count, check.LastTrusted?.Number, checks, findings);
    }

    private static async Task<IReadOnlyList<SignedCheckpoint>> ReadCheckpointsAsync(string folder, ExportedManifest manifest, CancellationToken cancellationToken)
    {
        var list = new List<SignedCheckpoint>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            if (await JsonSerializer.DeserializeAsync<SignedCheckpoint>(stream, CheckpointFormat.Json, cancellationToken) is { Checkpoint: { } c } signed &&
                c.TenantId == manifest.TenantId && (manifest.Service is null || c.Service == manifest.Service))
            {
                list.Add(signed);
            }
        }

        return list;
    }

    public static async Task WriteAsync(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Audit verification of unit {report.TenantId}{(report.Service is null ? "" : $", service {report.Service}")}: {report.Events} events, {report.Streams} streams, {report.Checkpoints} checkpoints"));
        foreach (var (name, holds, detail) in report.Checks)
        {
            await output.WriteLineAsync($"{(holds ? "ok  " : "FAIL")}  {name}: {detail}");
        }

        foreach (var f in report.Findings)
        {
            var where = f.StreamId is { } stream ? string.Create(CultureInfo.InvariantCulture, $" stream {stream} version {f.Version}") : "";
            var against = f.Checkpoint is { } n ? string.Create(CultureInfo.InvariantCulture, $" (checkpoint {n})") : "";
            await output.WriteLineAsync($"FAIL  {f.Problem}{where}{against}: {f.Detail}");
        }

        await output.WriteLineAsync(report.Holds
            ? string.Create(CultureInfo.InvariantCulture, $"HOLDS: the history matches signed checkpoint {report.AgainstCheckpoint}.")
            : "DOES NOT HOLD: see the lines marked FAIL.");
    }

    private static (string Export, string Checkpoints, string PublicKey)? Options(string[] args)
    {
        string? export = null, checkpoints = null, key = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--export": export = args[i + 1]; break;
                case "--checkpoints": checkpoints = args[i + 1]; break;
                case "--public-key": key = args[i + 1]; break;
                default: return null;
            }
        }

        return export is null || checkpoints is null || key is null ? null : (export, checkpoints, key);
    }
}
