using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>What an export holds, so a copy can be checked against the source.</summary>
/// <param name="Sha256">SHA-256 of the exported event lines, exactly as written (manifest line excluded).</param>
/// <param name="TenantChainHead">The tenant's running chain over the event hashes in sequence order.</param>
public sealed record ExportManifest(
    string TenantId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string Format,
    long Count,
    long? FirstSequence,
    long? LastSequence,
    string Sha256,
    string TenantChainHead)
{
    /// <summary>The service whose events these are (its checkpoints are the ones to check the export against).</summary>
    public string? Service { get; init; }
}

/// <summary>
/// Writes a tenant's events as NDJSON (one event per line, then one manifest line) or CSV,
/// row by row as they are read, hashing what it writes.
/// </summary>
public sealed class EventExport(EventLog log, Checkpoints.AuditCheckpointSettings settings)
{
    public const string NdJson = "ndjson";
    public const string Csv = "csv";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task<ExportManifest> WriteAsync(
        Stream output, string tenantId, DateTimeOffset? from, DateTimeOffset? to, string format, bool includeManifestLine, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chain = HashChain.Genesis;
        long count = 0;
        long? first = null, last = null;

        if (format == Csv)
        {
            await WriteLineAsync(output, hash, Encoding.UTF8.GetBytes(
                "sequence,id,streamId,version,type,timestamp,tenantId,userName,correlationId,causationId,hash,previousHash,data"), cancellationToken);
        }

        await foreach (var e in log.ReadAsync(new EventQuery(tenantId, From: from, To: to), cancellationToken))
        {
            count++;
            first ??= e.Sequence;
            last = e.Sequence;
            chain = HashChain.NextTenantHead(chain, e.Hash);
            var line = format == Csv ? Encoding.UTF8.GetBytes(CsvLine(e)) : JsonSerializer.SerializeToUtf8Bytes(e, Json);
            await WriteLineAsync(output, hash, line, cancellationToken);
        }

        var manifest = new ExportManifest(tenantId, from, to, format, count, first, last, Convert.ToHexStringLower(hash.GetHashAndReset()), chain)
        {
            Service = settings.Service,
        };
        if (includeManifestLine && format == NdJson)
        {
            await output.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { manifest }, Json), cancellationToken);
            await output.WriteAsync(NewLine, cancellationToken);
        }

        return manifest;
    }

    private static async Task WriteLineAsync(Stream output, IncrementalHash hash, byte[] line, CancellationToken cancellationToken)
    {
        hash.AppendData(line);
        hash.AppendData(NewLine);
        await output.WriteAsync(line, cancellationToken);
        await output.WriteAsync(NewLine, cancellationToken);
    }

    private static string CsvLine(AuditEvent e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.Id.ToString("D"),
        e.StreamId.ToString("D"),
        e.Version.ToString(CultureInfo.InvariantCulture),
        Quote(e.Type),
        e.Timestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        Quote(e.TenantId),
        Quote(e.UserName),
        Quote(e.CorrelationId),
        Quote(e.CausationId),
        Quote(e.Hash),
        Quote(e.PreviousHash),
        Quote(e.Data.GetRawText()));

    // Every text column is neutralised: a user name or correlation id starting with "=" must not run as
    // a formula in the auditor's spreadsheet. The NDJSON export stays exact (its hashes are verified).
    private static string Quote(string? value) =>
        value is null ? string.Empty : "\"" + SpreadsheetCell.Neutralise(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
