using System.Text.Json;
using System.Text.Json.Nodes;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>
/// One event as the auditor's timeline shows it: which service, who, when, why (the event's own
/// <c>reason</c>, when it has one), what (type), where (stream and version) and what caused it
/// (correlation and causation). The data is masked: no sealed personal value, not even as ciphertext.
/// </summary>
public sealed record TimelineEntry(
    string Service,
    long Sequence,
    DateTimeOffset Timestamp,
    string TenantId,
    string? UserName,
    string Type,
    Guid StreamId,
    long Version,
    string? Reason,
    string? CorrelationId,
    string? CausationId,
    JsonElement Data);

/// <summary>
/// One page of one service's timeline, in sequence order. <see cref="NextAfterSequence"/> is the
/// <c>afterSequence</c> of the next page; null when this page is the last.
/// </summary>
public sealed record TimelinePage(string Service, IReadOnlyList<TimelineEntry> Entries, long? NextAfterSequence);

/// <summary>The timeline of one unit in one service, and the masking of event data it applies.</summary>
public static class Timeline
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    /// <summary>What replaces a sealed personal value (<c>enc:…</c>) in the auditor's view.</summary>
    public const string Hidden = "•••";

    /// <summary>Reads one page: at most <paramref name="limit"/> events after the query's <c>AfterSequence</c>.</summary>
    public static async Task<TimelinePage> ReadAsync(EventLog log, string service, EventQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        var entries = new List<TimelineEntry>(limit);
        await foreach (var e in log.ReadAsync(query with { Limit = limit + 1 }, cancellationToken))
        {
            if (entries.Count == limit)
            {
                return new TimelinePage(service, entries, entries[^1].Sequence);
            }

            entries.Add(new TimelineEntry(service, e.Sequence, e.Timestamp, e.TenantId, e.UserName, e.Type, e.StreamId, e.Version,
                ReasonOf(e.Data), e.CorrelationId, e.CausationId, Mask(e.Data)));
        }

        return new TimelinePage(service, entries, null);
    }

    /// <summary>The event's <c>reason</c> (any casing, at its top level), when it is text.</summary>
    public static string? ReasonOf(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object
            ? data.EnumerateObject().Where(p => p.Name.Equals("reason", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => p.Value.GetString()).FirstOrDefault()
            : null;

    /// <summary>
    /// The data with every sealed personal value (a string starting <c>enc:</c>, as Outreach's
    /// crypto-shredding stores them) replaced by <see cref="Hidden"/>, at any depth.
    /// </summary>
    public static JsonElement Mask(JsonElement data)
    {
        var node = JsonNode.Parse(data.GetRawText());
        node = IsSealed(node) ? JsonValue.Create(Hidden) : node;
        MaskChildren(node);
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private static bool IsSealed(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith("enc:", StringComparison.Ordinal);

    private static void MaskChildren(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(p => p.Key).ToList())
            {
                if (IsSealed(o[key]))
                {
                    o[key] = Hidden;
                }
                else
                {
                    MaskChildren(o[key]);
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (IsSealed(a[i]))
                {
                    a[i] = Hidden;
                }
                else
                {
                    MaskChildren(a[i]);
                }
            }
        }
    }

    /// <summary>
    /// Merges pages of several services into one list in time order (ties by service name, then
    /// sequence): each service's page is in its own sequence order, which its timestamps follow.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Merge(IEnumerable<IEnumerable<TimelineEntry>> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return [.. services.SelectMany(s => s)
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.Service, StringComparer.Ordinal)
            .ThenBy(e => e.Sequence)];
    }
}
