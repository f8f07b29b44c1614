using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using JasperFx.Events;
using Marten;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>What a rebuild from the events says against what the live read model holds.</summary>
public sealed record RebuildDifference(Guid StreamId, string AggregateType, JsonElement? Live, JsonElement? Rebuilt)
{
    /// <summary>The difference between a live read model and its rebuilt copy, compared as canonical JSON; null when they agree.</summary>
    public static RebuildDifference? Between(Guid streamId, string type, ISerializer serializer, object? live, object? rebuilt)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var rebuiltJson = rebuilt is null ? null : HashChain.Canonical(serializer.ToJson(rebuilt));
        var liveJson = live is null ? null : HashChain.Canonical(serializer.ToJson(live));
        return rebuiltJson == liveJson ? null : new RebuildDifference(streamId, type, Parse(liveJson), Parse(rebuiltJson));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>
/// The verdict of a rebuild check. <see cref="StreamsChecked"/> counts distinct streams: a stream
/// replayed into its aggregate and again into a read model built from it counts once.
/// <see cref="Checks"/> says, per read model, how many streams were replayed into it, how many live
/// rows they were compared with and how many differed (null from a service that predates it).
/// </summary>
public sealed record RebuildReport(
    string TenantId,
    int StreamsChecked,
    bool Matches,
    IReadOnlyList<RebuildDifference> Differences,
    IReadOnlyList<RebuildCheckSummary>? Checks = null);

/// <summary>
/// What one read model's check compared. <see cref="Kind"/> is <c>aggregate</c> (a stream's inline
/// snapshot) or <c>read-model</c> (an <see cref="IReadModelCheck"/>). <see cref="Rows"/> counts the
/// live rows found (a row deleted by hand is missing from it and shows as a difference);
/// <see cref="StreamsLeftOut"/> the streams the check could not compare yet (an asynchronous projection
/// that has not reached their last event).
/// </summary>
public sealed record RebuildCheckSummary(string ReadModel, string Kind, int Streams, int Rows, int Differences, int StreamsLeftOut = 0)
{
    public const string Aggregate = "aggregate";
    public const string ReadModelKind = "read-model";
}

/// <summary>What an <see cref="IReadModelCheck"/> compared: the streams it replayed, the live rows it compared them with, and where they differ.</summary>
public sealed record ReadModelCheckResult(
    string ReadModel, IReadOnlyCollection<Guid> Streams, int Rows, IReadOnlyList<RebuildDifference> Differences, int StreamsLeftOut = 0);

/// <summary>
/// A read model the rebuild check replays besides the inline snapshots of aggregates (an
/// asynchronous projection, say): it rebuilds the tenant's copy from the events in memory and
/// says where the live one differs. Registered as a service; every one is run by the check.
/// </summary>
public interface IReadModelCheck
{
    /// <summary>Returns the streams it compared (by id, so a stream also checked as an aggregate counts once in the report), the live rows and the differences it found.</summary>
    Task<ReadModelCheckResult> CheckAsync(IQuerySession session, string tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// Replays streams into their aggregates: the state of any aggregate as of a time or a version,
/// and a rebuild check that replays every stream of a tenant into a scratch copy (in memory) and
/// compares it with the live, inline-projected document, then runs every other
/// <see cref="IReadModelCheck"/> the service registered.
/// </summary>
public sealed class AggregateHistory(IDocumentStore store, EventLog log, AggregateTypes types, IEnumerable<IReadModelCheck> checks)
{
    private const string ResultProperty = "Result";

    private static readonly MethodInfo AggregateMethod = typeof(IQueryEventStore).GetMethods()
        .Single(m => m.Name == nameof(IQueryEventStore.AggregateStreamAsync) && m.GetParameters()[0].ParameterType == typeof(Guid));

    private static readonly MethodInfo LoadMethod = typeof(IQuerySession).GetMethods()
        .Single(m => m.Name == nameof(IQuerySession.LoadAsync) && m.IsGenericMethodDefinition &&
                     m.GetParameters() is [{ ParameterType: var id }, _] && id == typeof(Guid));

    private static readonly MethodInfo IdsMethod = typeof(AggregateHistory).GetMethod(nameof(IdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The aggregate of a stream as of <paramref name="asOf"/> and/or <paramref name="version"/>; null when there is no such stream.</summary>
    public async Task<(string Type, object? State, long Version)?> StateAsync(
        string tenantId, Guid streamId, DateTimeOffset? asOf, long? version, CancellationToken cancellationToken)
    {
        var streams = await log.StreamsAsync(tenantId, streamId, cancellationToken);
        if (!streams.TryGetValue(streamId, out var stream) || types.Find(stream.Type) is not { } type)
        {
            return null;
        }

        // Npgsql writes only UTC instants to timestamptz; an instant is the same in any offset.
        asOf = asOf?.ToUniversalTime();
        await using var session = store.QuerySession(tenantId);
        var events = await session.Events.FetchStreamAsync(streamId, version ?? 0, asOf, token: cancellationToken);
        var state = await AggregateAsync(session, type, streamId, version ?? 0, asOf, cancellationToken);
        return (type.Name, state, events.Count == 0 ? 0 : events[^1].Version);
    }

    public async Task<RebuildReport> CheckRebuildAsync(string tenantId, CancellationToken cancellationToken)
    {
        var serializer = store.Options.Serializer();
        var streams = await log.StreamsAsync(tenantId, null, cancellationToken);
        var differences = new List<RebuildDifference>();
        var checkedStreams = new HashSet<Guid>();
        var byAggregate = new SortedDictionary<string, (int Streams, int Rows, int Differences)>(StringComparer.Ordinal);
        await using var session = store.QuerySession(tenantId);
        foreach (var (id, (_, typeName)) in streams.OrderBy(s => s.Key))
        {
            if (types.Find(typeName) is not { } type)
            {
                continue;
            }

            checkedStreams.Add(id);
            var rebuilt = await AggregateAsync(session, type, id, 0, null, cancellationToken);
            var live = await LoadAsync(session, type, id, cancellationToken);
            var difference = RebuildDifference.Between(id, type.Name, serializer, live, rebuilt);
            if (difference is not null)
            {
                differences.Add(difference);
            }

            var (s, r, d) = byAggregate.GetValueOrDefault(type.Name);
            byAggregate[type.Name] = (s + 1, r + (live is null ? 0 : 1), d + (difference is null ? 0 : 1));
        }

        // A row no event gave (inserted by hand, or left behind by a deleted stream) is a difference too: the
        // documents of each aggregate type whose id names no stream of the unit. A document whose id is a
        // stream of another type is some other projection of that stream and is not this check's to judge.
        foreach (var type in (await log.StreamTypesAsync(cancellationToken)).Select(types.Find).OfType<Type>().Distinct().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var id in await LiveIdsAsync(session, type, cancellationToken))
            {
                if (streams.ContainsKey(id))
                {
                    continue;
                }

                var live = await LoadAsync(session, type, id, cancellationToken);
                var difference = RebuildDifference.Between(id, type.Name, serializer, live, null);
                if (difference is not null)
                {
                    differences.Add(difference);
                }

                var (s, r, d) = byAggregate.GetValueOrDefault(type.Name);
                byAggregate[type.Name] = (s, r + (live is null ? 0 : 1), d + (difference is null ? 0 : 1));
            }
        }

        var summaries = byAggregate
            .Select(a => new RebuildCheckSummary(a.Key, RebuildCheckSummary.Aggregate, a.Value.Streams, a.Value.Rows, a.Value.Differences))
            .ToList();
        foreach (var check in checks)
        {
            var result = await check.CheckAsync(session, tenantId, cancellationToken);
            checkedStreams.UnionWith(result.Streams);
            differences.AddRange(result.Differences);
            summaries.Add(new RebuildCheckSummary(result.ReadModel, RebuildCheckSummary.ReadModelKind, result.Streams.Count, result.Rows,
                result.Differences.Count, result.StreamsLeftOut));
        }

        return new RebuildReport(tenantId, checkedStreams.Count, differences.Count == 0, differences, summaries);
    }

    private static async Task<object?> AggregateAsync(
        IQuerySession session, Type type, Guid id, long version, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var task = (Task)AggregateMethod.MakeGenericMethod(type)
            .Invoke(session.Events, [id, version, asOf, null, 0L, cancellationToken])!;
        await task;
        return task.GetType().GetProperty(ResultProperty)!.GetValue(task);
    }

    /// <summary>The ids of the unit's documents of an aggregate type (none when the type has no <c>Guid Id</c>).</summary>
    private static async Task<IReadOnlyList<Guid>> LiveIdsAsync(IQuerySession session, Type type, CancellationToken cancellationToken)
    {
        if (type.GetProperty("Id") is not { } id || id.PropertyType != typeof(Guid))
        {
            return [];
        }

        var task = (Task<IReadOnlyList<Guid>>)IdsMethod.MakeGenericMethod(type).Invoke(null, [session, id, cancellationToken])!;
        return await task;
    }

    private static Task<IReadOnlyList<Guid>> IdsAsync<T>(IQuerySession session, PropertyInfo id, CancellationToken cancellationToken)
        where T : notnull
    {
        var row = Expression.Parameter(typeof(T), "row");
        return session.Query<T>().Select(Expression.Lambda<Func<T, Guid>>(Expression.Property(row, id), row)).ToListAsync(cancellationToken);
    }

    private static async Task<object?> LoadAsync(IQuerySession session, Type type, Guid id, CancellationToken cancellationToken)
    {
        var task = (Task)LoadMethod.MakeGenericMethod(type).Invoke(session, [id, cancellationToken])!;
        await task;
        return task.GetType().GetProperty(ResultProperty)!.GetValue(task);
    }
}

/// <summary>
/// The aggregate types of the service, found by the name Marten records on each stream
/// (<c>mt_streams.type</c>), among the inline snapshot projections of the store.
/// </summary>
public sealed class AggregateTypes(IEnumerable<Type> aggregates)
{
    private readonly Dictionary<string, Type> _byName = aggregates
        .SelectMany(t => new[] { (Key: t.Name, Type: t), (Key: t.FullName ?? t.Name, Type: t), (Key: SnakeCase(t.Name), Type: t) })
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Type, StringComparer.Ordinal);

    /// <summary>
    /// The platform's aggregate convention: an immutable type with a public static
    /// <c>Create(firstEvent)</c> returning itself (see STYLE.md).
    /// </summary>
    public static AggregateTypes FromAssembly(Assembly assembly) =>
        new(assembly.GetExportedTypes().Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Any(m => m.Name == "Create" && m.ReturnType == t && m.GetParameters().Length == 1)));

    public Type? Find(string? name) => name is not null && _byName.TryGetValue(name, out var type) ? type : null;

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
