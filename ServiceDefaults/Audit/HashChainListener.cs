using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Services;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>
/// Stamps each appended event with its chained hash just before the unit of work is sent to
/// PostgreSQL. The previous hash of an existing stream is the one this process wrote for it
/// (see <see cref="StreamHeads"/>) or else is read from its last stored event; every append names
/// its expected version, so a concurrent writer to the same stream fails on it and chains never fork.
/// </summary>
internal sealed class HashChainListener(TimeProvider? clock = null) : DocumentSessionListenerBase
{
    private TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    private readonly StreamHeads _heads = new(capacity: 100_000);

    /// <summary>The heads a session's unit of work will leave, remembered only once it commits.</summary>
    private readonly ConditionalWeakTable<IDocumentSession, List<StreamHead>> _pending = [];

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var options = session.DocumentStore.Options;
        var serializer = options.Serializer();
        var schema = options.Events.DatabaseSchemaName;
        var heads = new List<StreamHead>();
        foreach (var stream in session.PendingChanges.Streams())
        {
            var events = stream.Events.OrderBy(e => e.Version).ToList();
            if (events.Count == 0)
            {
                continue;
            }

            var tenantId = stream.TenantId ?? session.TenantId;
            if (stream.ActionType == StreamActionType.Append && stream.ExpectedVersionOnServer is null)
            {
                // Quick appends number events from the expected version before inline projections run;
                // without one, the chain and the stream's snapshot would both be built on wrong numbers.
                throw new InvalidOperationException(
                    $"Events appended to stream {stream.Id} without an expected version. Load it with FetchForWriting " +
                    "(or [WriteAggregate]) or pass the version to Events.Append, so the audit chain and snapshots stay exact.");
            }

            var previous = events[0].Version <= 1
                ? HashChain.Genesis
                : _heads.Find(tenantId, stream.Id, events[0].Version - 1)
                  ?? await PreviousHashAsync(session, schema, tenantId, stream.Id, events[0].Version - 1, token);

            foreach (var e in events)
            {
                // The time is the service's, cut to what PostgreSQL stores, and written with the event
                // (EventAppendMode.QuickWithServerTimestamps sends each event's own timestamp), so the
                // hash covers exactly the stored time.
                if (e.Id == Guid.Empty)
                {
                    e.Id = Guid.CreateVersion7();
                }

                e.Timestamp = HashChain.ToMicroseconds(e.Timestamp == default ? Clock.GetUtcNow() : e.Timestamp);
                var headers = e.Headers is { Count: > 0 } given ? HashChain.CoveredHeaders(serializer.ToJson(given)) : null;
                var facts = new HashChain.FactsV2(
                    e.Id,
                    e.TenantId ?? tenantId,
                    stream.Id,
                    e.Version,
                    e.EventTypeName,
                    e.Timestamp,
                    serializer.ToJson(e.Data),
                    e.UserName ?? session.LastModifiedBy,
                    e.CorrelationId ?? session.CorrelationId,
                    e.CausationId ?? session.CausationId,
                    headers);
                var hash = HashChain.ComputeV2(previous, facts);
                e.SetHeader(HashChain.FormatHeader, HashChain.CurrentFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
                e.SetHeader(HashChain.PreviousHeader, previous);
                e.SetHeader(HashChain.HashHeader, hash);
                previous = hash;
            }

            heads.Add(new StreamHead(tenantId, stream.Id, events[^1].Version, previous));
        }

        _pending.AddOrUpdate(session, heads);
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (_pending.TryGetValue(session, out var heads))
        {
            _pending.Remove(session);
            foreach (var head in heads)
            {
                _heads.Remember(head);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<string> PreviousHashAsync(
        IDocumentSession session, string schema, string tenantId, Guid streamId, long version, CancellationToken token)
    {
        var hashes = await session.AdvancedSql.QueryAsync<string>(
            $"select headers ->> '{HashChain.HashHeader}' from {schema}.mt_events where stream_id = ? and tenant_id = ? and version = ?",
            token, streamId, tenantId, version);
        return hashes.SingleOrDefault() ?? HashChain.Genesis;
    }
}

/// <summary>The hash of the last event of a stream, at its version.</summary>
internal sealed record StreamHead(string TenantId, Guid StreamId, long Version, string Hash);

/// <summary>
/// The head of each stream this process appended to, as committed. An event is never changed, so
/// the hash at a given version stays true for good, whoever appends next; a head from another
/// process, or one evicted, is simply read from the database instead. Bounded: when full, it
/// starts again empty.
/// </summary>
internal sealed class StreamHeads(int capacity)
{
    private readonly ConcurrentDictionary<(string TenantId, Guid StreamId), StreamHead> _heads = new();

    /// <summary>
    /// Streams added since the last clear, counted here because <see cref="ConcurrentDictionary{TKey,TValue}.Count"/>
    /// takes every lock of the dictionary: asked on each remember, it made concurrent commits queue on each other.
    /// </summary>
    private int _added;

    /// <summary>The hash of the event at <paramref name="version"/> if it is the head this process knows, else null.</summary>
    public string? Find(string tenantId, Guid streamId, long version) =>
        _heads.TryGetValue((tenantId, streamId), out var head) && head.Version == version ? head.Hash : null;

    public void Remember(StreamHead head)
    {
        var key = (head.TenantId, head.StreamId);
        if (!_heads.TryAdd(key, head))
        {
            _heads[key] = head;
            return;
        }

        if (Interlocked.Increment(ref _added) > capacity)
        {
            Interlocked.Exchange(ref _added, 0);
            _heads.Clear();
        }
    }

    /// <summary>How many heads are remembered (takes every lock: for tests).</summary>
    internal int Count => _heads.Count;
}
