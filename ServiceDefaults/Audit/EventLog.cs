using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten;
using Npgsql;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>One stored event as an auditor reads it: the row of <c>mt_events</c>, nothing interpreted.</summary>
public sealed record AuditEvent(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    string DotNetType,
    JsonElement Data,
    DateTimeOffset Timestamp,
    string TenantId,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string? Hash,
    string? PreviousHash,
    bool IsArchived)
{
    /// <summary>The chain format the event was hashed in: 1 (before version 2 existed) or 2.</summary>
    public int ChainFormat { get; init; } = 1;

    /// <summary>The headers the version-2 hash covers (every header but the chain's own); null when none.</summary>
    public JsonElement? Headers { get; init; }

    /// <summary>The data exactly as PostgreSQL returns it, for hashing.</summary>
    internal string RawData { get; init; } = string.Empty;

    /// <summary>The facts the event's hash covers, in its own chain format, chained to <paramref name="previous"/>.</summary>
    public string ComputeHash(string previous) => HashChain.ComputeInFormat(ChainFormat, previous, Facts());

    /// <summary>The event as the checkpoint verification reads it.</summary>
    public Checkpoints.ChainedEvent ToChained() => new(Sequence, ChainFormat, Hash, PreviousHash, Facts());

    private HashChain.FactsV2 Facts() => new(
        Id, TenantId, StreamId, Version, Type, Timestamp, DataText, UserName, CorrelationId, CausationId,
        Headers is { } headers ? headers.GetRawText() : null);

    /// <summary>The data as text: as PostgreSQL returned it when read from the database, else as read from an export.</summary>
    private string DataText => RawData.Length > 0 ? RawData : Data.GetRawText();
}

/// <summary>Which events to read; every filter is optional except the tenant.</summary>
public sealed record EventQuery(
    string TenantId,
    Guid? StreamId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Type = null,
    string? UserName = null,
    long? AfterSequence = null,
    int? Limit = null,
    long? UpToSequence = null,
    string? CorrelationId = null);

/// <summary>
/// Reads the event table of this service directly and as a stream of rows, so an export of a
/// whole tenant never holds more than one row in memory.
/// </summary>
public sealed class EventLog(NpgsqlDataSource dataSource, IDocumentStore store)
{
    private string Schema => store.Options.Events.DatabaseSchemaName;

    public async IAsyncEnumerable<AuditEvent> ReadAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "tenant_id = @tenant" };
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("tenant", query.TenantId);
        if (query.StreamId is { } stream)
        {
            where.Add("stream_id = @stream");
            command.Parameters.AddWithValue("stream", stream);
        }

        if (query.From is { } from)
        {
            where.Add("timestamp >= @from");
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            where.Add("timestamp < @to");
            command.Parameters.AddWithValue("to", to.ToUniversalTime());
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            where.Add("type = @type");
            command.Parameters.AddWithValue("type", query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            where.Add("user_name = @user");
            command.Parameters.AddWithValue("user", query.UserName);
        }

        if (!string.IsNullOrWhiteSpace(query.CorrelationId))
        {
            where.Add("correlation_id = @correlation");
            command.Parameters.AddWithValue("correlation", query.CorrelationId);
        }

        if (query.AfterSequence is { } after)
        {
            where.Add("seq_id > @after");
            command.Parameters.AddWithValue("after", after);
        }

        if (query.UpToSequence is { } upTo)
        {
            where.Add("seq_id <= @upTo");
            command.Parameters.AddWithValue("upTo", upTo);
        }

        var order = query.StreamId is null ? "seq_id" : "version";
        var limit = query.Limit is { } n ? $" limit {n}" : string.Empty;
        command.CommandText =
            "select seq_id, id, stream_id, version, type, mt_dotnet_type, data::text, timestamp, tenant_id, user_name, " +
            $"correlation_id, causation_id, headers ->> '{HashChain.HashHeader}', headers ->> '{HashChain.PreviousHeader}', is_archived, " +
            $"headers ->> '{HashChain.FormatHeader}', headers::text " +
            $"from {Schema}.mt_events where {string.Join(" and ", where)} order by {order}{limit}";

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var raw = reader.GetString(6);
            using var data = JsonDocument.Parse(raw);
            yield return new AuditEvent(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetInt64(3),
                reader.GetString(4),
                Text(reader, 5) ?? string.Empty,
                data.RootElement.Clone(),
                Timestamp(reader, 7),
                reader.GetString(8),
                Text(reader, 9),
                Text(reader, 10),
                Text(reader, 11),
                Text(reader, 12),
                Text(reader, 13),
                reader.GetBoolean(14))
            {
                RawData = raw,
                ChainFormat = Text(reader, 15) is { } format && int.TryParse(format, System.Globalization.CultureInfo.InvariantCulture, out var chainFormat) ? chainFormat : 1,
                Headers = HashChain.CoveredHeaders(Text(reader, 16)) is { } covered ? Element(covered) : null,
            };
        }
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    // Without CommandBehavior.SequentialAccess the current row is already buffered after ReadAsync,
    // so reading its columns does not block.
    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Timestamp(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>The version each stream of the tenant says it has reached, and its aggregate type.</summary>
    public async Task<IReadOnlyDictionary<Guid, (long Version, string? Type)>> StreamsAsync(string tenantId, Guid? streamId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select id, version, type from {Schema}.mt_streams where tenant_id = @tenant" + (streamId is null ? string.Empty : " and id = @stream"));
        command.Parameters.AddWithValue("tenant", tenantId);
        if (streamId is { } id)
        {
            command.Parameters.AddWithValue("stream", id);
        }

        var streams = new Dictionary<Guid, (long, string?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams[reader.GetGuid(0)] = (reader.GetInt64(1), Text(reader, 2));
        }

        return streams;
    }

    /// <summary>The aggregate types any stream of the store (any tenant) was started as: their documents' tables exist.</summary>
    public async Task<IReadOnlyList<string>> StreamTypesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select distinct type from {Schema}.mt_streams where type is not null");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
