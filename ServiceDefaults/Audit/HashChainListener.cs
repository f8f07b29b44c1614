using JasperFx.Events;
using Marten;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>
/// Stamps each appended event with its chained hash just before the unit of work is sent to
/// PostgreSQL. The previous hash of an existing stream is read from its last stored event;
/// every append names its expected version, so a concurrent writer to the same stream fails
/// on it and chains never fork.
/// </summary>
internal sealed class HashChainListener : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var options = session.DocumentStore.Options;
        var serializer = options.Serializer();
        foreach (var stream in session.PendingChanges.Streams())
        {
            var events = stream.Events.OrderBy(e => e.Version).ToList();
            if (events.Count == 0)
            {
                continue;
            }

            var tenantId = stream.TenantId ?? session.TenantId;
            var schema = options.Events.DatabaseSchemaName;
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
                : await PreviousHashAsync(session, schema, tenantId, stream.Id, events[0].Version - 1, token);

            foreach (var e in events)
            {
                var facts = new HashChain.Facts(
                    e.TenantId ?? tenantId,
                    stream.Id,
                    e.Version,
                    e.EventTypeName,
                    serializer.ToJson(e.Data),
                    e.UserName ?? session.LastModifiedBy,
                    e.CorrelationId ?? session.CorrelationId,
                    e.CausationId ?? session.CausationId);
                var hash = HashChain.Compute(previous, facts);
                e.SetHeader(HashChain.PreviousHeader, previous);
                e.SetHeader(HashChain.HashHeader, hash);
                previous = hash;
            }
        }
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
