using System.Globalization;
using BhxhPlatform.ServiceDefaults.Audit;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>
/// The audit API of the three services as the auditor's pages read it (docs/auditing.md). The timeline
/// is merged here, in the backend for frontend: each service serves its own page of the unit's events in
/// its sequence order, and the pages are merged in time order (<see cref="Timeline.Merge"/>).
/// </summary>
public sealed class AuditClient(IHttpClientFactory clients)
{
    /// <summary>The services with an audit API, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Services = [PlanningClient.Service, OutreachClient.Service, PartnersClient.Service];

    public static string ClientName(string service) => "audit-" + service;

    private HttpClient Http(string service) =>
        Services.Contains(service) ? clients.CreateClient(ClientName(service)) : throw new ArgumentOutOfRangeException(nameof(service), service, "No such service.");

    private static string Units(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}/audit";

    /// <summary>
    /// One page of the merged timeline: at most <see cref="TimelineFilter.Limit"/> events of all three
    /// services in time order, after the cursor. The next cursor keeps, per service, the last event of
    /// it shown: events fetched but not shown come again on the next page.
    /// </summary>
    public async Task<MergedTimeline> TimelineAsync(string unit, TimelineFilter filter, TimelineCursor cursor, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(cursor);
        var pages = await Task.WhenAll(Services.Select(async service =>
        {
            var query = new List<string> { $"limit={filter.Limit}" };
            Add(query, "from", filter.From?.ToString("O", CultureInfo.InvariantCulture));
            Add(query, "to", filter.To?.ToString("O", CultureInfo.InvariantCulture));
            Add(query, "user", filter.User);
            Add(query, "correlationId", filter.CorrelationId);
            if (cursor.After.GetValueOrDefault(service) is > 0 and var after)
            {
                query.Add($"afterSequence={after}");
            }

            return await Http(service).GetAsync<TimelinePage>(service, $"{Units(unit)}/timeline?{string.Join('&', query)}", cancellation)
                ?? new TimelinePage(service, [], null);
        }));

        var merged = Timeline.Merge(pages.Select(p => p.Entries));
        var shown = merged.Take(filter.Limit).ToList();
        var next = Services.ToDictionary(s => s, s => shown.LastOrDefault(e => e.Service == s)?.Sequence ?? cursor.After.GetValueOrDefault(s));
        var more = merged.Count > shown.Count || pages.Any(p => p.NextAfterSequence is not null);
        return new MergedTimeline(shown, more ? new TimelineCursor(next) : null);
    }

    /// <summary>The events of one stream of one service, in version order.</summary>
    public async Task<IReadOnlyList<AuditEvent>> StreamAsync(string service, string unit, Guid id, CancellationToken cancellation = default) =>
        await Http(service).GetAsync<List<AuditEvent>>(service, $"{Units(unit)}/streams/{id}/events", cancellation) ?? [];

    /// <summary>The chain and checkpoint check of the unit (or of one stream) in one service.</summary>
    public Task<ChainReport?> VerifyAsync(string service, string unit, Guid? stream = null, CancellationToken cancellation = default) =>
        Http(service).GetAsync<ChainReport>(service, stream is { } id ? $"{Units(unit)}/streams/{id}/verify" : $"{Units(unit)}/verify", cancellation);

    /// <summary>
    /// The aggregate of one stream as the service rebuilds it from its events, as of an instant (null: now);
    /// null when the service has no such stream. <see cref="StreamState.State"/> is null when the stream had no event yet.
    /// </summary>
    public Task<StreamState?> StateAsync(string service, string unit, Guid id, DateTimeOffset? asOf, CancellationToken cancellation = default) =>
        Http(service).GetAsync<StreamState>(service,
            $"{Units(unit)}/streams/{id}/state" + (asOf is { } at ? $"?asOf={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}" : ""), cancellation);

    /// <summary>The rebuild-and-compare of every read model of the unit in one service.</summary>
    public Task<RebuildReport?> RebuildCheckAsync(string service, string unit, CancellationToken cancellation = default) =>
        Http(service).GetAsync<RebuildReport>(service, $"{Units(unit)}/rebuild-check", cancellation);

    /// <summary>
    /// Who was shown whose personal data in clear, in a unit and time range, as <paramref name="service"/> logged it
    /// (Outreach holds prospects; Partners holds contact persons, collaborators and commended persons).
    /// </summary>
    public async Task<PersonalDataReadsView> PersonalDataReadsAsync(
        string service, string unit, DateTimeOffset? from, DateTimeOffset? to, long? afterSequence, CancellationToken cancellation = default)
    {
        var query = new List<string> { "limit=200" };
        Add(query, "from", from?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "to", to?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "afterSequence", afterSequence?.ToString(CultureInfo.InvariantCulture));
        return await Http(service).GetAsync<PersonalDataReadsView>(
            service, $"/api/units/{Uri.EscapeDataString(unit)}/personal-data-reads?{string.Join('&', query)}", cancellation)
            ?? new PersonalDataReadsView([], null);
    }

    /// <summary>The export of the unit's events in one service, as the service streams it (NDJSON or CSV).</summary>
    public async Task<HttpResponseMessage> ExportAsync(string service, string unit, string format, CancellationToken cancellation = default)
    {
        var response = await Http(service).GetAsync($"{Units(unit)}/export?format={(format == "csv" ? "csv" : "ndjson")}", HttpCompletionOption.ResponseHeadersRead, cancellation);
        return response;
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
    }
}

/// <summary>The timeline's filters: a time range, a user, a correlation id, the page size.</summary>
public sealed record TimelineFilter(DateTimeOffset? From, DateTimeOffset? To, string? User, string? CorrelationId, int Limit = 100);

/// <summary>Where the next page starts in each service: the last sequence shown of it (0: from the start).</summary>
public sealed record TimelineCursor(IReadOnlyDictionary<string, long> After)
{
    public static readonly TimelineCursor Start = new(new Dictionary<string, long>());

    /// <summary><c>planning:12,outreach:40,partners:0</c>, as the page's link carries it.</summary>
    public override string ToString() => string.Join(',', After.Select(a => $"{a.Key}:{a.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static TimelineCursor Parse(string? text)
    {
        var after = new Dictionary<string, long>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split(':');
            if (pair.Length == 2 && AuditClient.Services.Contains(pair[0]) && long.TryParse(pair[1], CultureInfo.InvariantCulture, out var sequence) && sequence >= 0)
            {
                after[pair[0]] = sequence;
            }
        }

        return new TimelineCursor(after);
    }
}

/// <summary>One page of the merged timeline; <see cref="Next"/> is null on the last page.</summary>
public sealed record MergedTimeline(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Next);

/// <summary>A stream's aggregate as of an instant (or now), as the audit API's state endpoint answers.</summary>
public sealed record StreamState(Guid StreamId, string AggregateType, DateTimeOffset? AsOf, long Version, System.Text.Json.JsonElement? State);

/// <summary>One logged read: Outreach names the people as <see cref="ProspectIds"/>, Partners as <see cref="PersonIds"/>.</summary>
public sealed record PersonalDataReadView(
    long Sequence, DateTimeOffset At, string? UserName, string Role, IReadOnlyList<Guid>? ProspectIds, string Purpose, string? CorrelationId,
    IReadOnlyList<Guid>? PersonIds = null)
{
    /// <summary>Whose data was shown, by id.</summary>
    public IReadOnlyList<Guid> People => ProspectIds ?? PersonIds ?? [];
}

public sealed record PersonalDataReadsView(IReadOnlyList<PersonalDataReadView> Entries, long? NextAfterSequence);
