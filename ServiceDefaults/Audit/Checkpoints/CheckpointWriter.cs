using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using Weasel.Postgresql;

namespace BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

/// <summary>
/// Writes the signed checkpoints of this service: per unit, from the unit's previous checkpoint (read
/// back from the store and checked against the key) and the events after it, so a round reads only
/// what is new and a history altered in the database never enters a later checkpoint.
/// </summary>
public sealed class CheckpointWriter(
    NpgsqlDataSource dataSource,
    IDocumentStore store,
    EventLog log,
    ICheckpointStore checkpoints,
    AuditCheckpointSettings settings,
    TimeProvider clock,
    ILogger<CheckpointWriter> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Dispose() => _oneAtATime.Dispose();

    private string Schema => store.Options.Events.DatabaseSchemaName;

    public string Service => settings.Service;

    /// <summary>The key, or null when none is configured (checkpoints are then not written).</summary>
    public CheckpointSigner? Signer => settings.Signer;

    /// <summary>A round: a checkpoint for every unit whose events changed since its last one.</summary>
    public async Task<IReadOnlyList<SignedCheckpoint>> WriteAllAsync(CancellationToken cancellationToken)
    {
        if (settings.Signer is null)
        {
            logger.LogWarning("No Audit:SigningKey is configured: no audit checkpoint is written.");
            return [];
        }

        // Replicas of a service share its checkpoints: the one holding the round's advisory lock writes the round,
        // another that comes at the same moment leaves it (its events are in the next round). Two writers would
        // both build on the same previous checkpoint and append two different checkpoints of one number.
        await using var round = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!(await round.TryGetGlobalLock(RoundLockId, cancellationToken)).Succeeded)
        {
            logger.LogInformation("Another replica of {Service} is writing the audit checkpoints: this round is left to it.", Service);
            return [];
        }

        try
        {
            return await WriteRoundAsync(cancellationToken);
        }
        finally
        {
            await round.ReleaseGlobalLock(RoundLockId, CancellationToken.None);
        }
    }

    /// <summary>A checkpoint of one unit now, even if nothing changed since the last (on demand).</summary>
    public async Task<SignedCheckpoint> WriteNowAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (settings.Signer is null)
        {
            throw new InvalidOperationException("No Audit:SigningKey is configured.");
        }

        // Asked for now: waits for a round another replica is writing, then builds on its checkpoint.
        await using var round = await dataSource.OpenConnectionAsync(cancellationToken);
        await round.GetGlobalLock(RoundLockId, cancellationToken);
        try
        {
            var upTo = await SettledSequenceAsync(cancellationToken);
            return (await WriteAsync(tenantId, upTo, force: true, cancellationToken))!;
        }
        finally
        {
            await round.ReleaseGlobalLock(RoundLockId, CancellationToken.None);
        }
    }

    private int RoundLockId => CritterStackExtensions.CheckpointLockId(Service);

    private async Task<IReadOnlyList<SignedCheckpoint>> WriteRoundAsync(CancellationToken cancellationToken)
    {
        var upTo = await SettledSequenceAsync(cancellationToken);
        var tenants = new SortedSet<string>(await checkpoints.TenantsAsync(Service, cancellationToken), StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand($"select distinct tenant_id from {Schema}.mt_streams"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(reader.GetString(0));
            }
        }

        var written = new List<SignedCheckpoint>();
        foreach (var tenant in tenants)
        {
            try
            {
                if (await WriteAsync(tenant, upTo, force: false, cancellationToken) is { } checkpoint)
                {
                    written.Add(checkpoint);
                }
            }
            catch (InvalidOperationException e)
            {
                logger.LogError(e, "No audit checkpoint for {Tenant}: {Reason}", tenant, e.Message);
            }
        }

        return written;
    }

    private async Task<SignedCheckpoint?> WriteAsync(string tenantId, long upTo, bool force, CancellationToken cancellationToken)
    {
        var signer = settings.Signer!;
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var list = await checkpoints.ListAsync(Service, tenantId, cancellationToken);
            var previous = list.Count == 0 ? null : list[^1];
            if (previous is not null)
            {
                using var key = signer.ExportPublic();
                if (!CheckpointFormat.SignatureHolds(previous, key))
                {
                    throw new InvalidOperationException(
                        $"The last checkpoint of {Service}/{tenantId} (number {previous.Checkpoint.Number}) is not signed by this service's key; " +
                        "no checkpoint is built on it. Find out who wrote it.");
                }
            }

            var last = previous?.Checkpoint;
            var heads = last?.Streams.ToDictionary(h => h.StreamId) ?? [];
            var unitHead = last?.UnitChainHead ?? HashChain.Genesis;
            var events = last?.Events ?? 0;
            var highest = last?.HighestSequence ?? 0;
            await foreach (var e in log.ReadAsync(new EventQuery(tenantId, AfterSequence: highest, UpToSequence: upTo), cancellationToken))
            {
                unitHead = HashChain.NextUnitHead(unitHead, e.Sequence, e.Hash);
                events++;
                highest = e.Sequence;
                heads[e.StreamId] = new CheckpointHead(e.StreamId, e.Version, e.Hash ?? string.Empty, e.Sequence);
            }

            if (!force && last is not null && events == last.Events)
            {
                return null;
            }

            // The checkpoint speaks for every sequence number up to the settled one, not only the unit's
            // last event: an event slipped in later under a lower number contradicts it.
            highest = Math.Max(highest, upTo);

            var sorted = CheckpointFormat.Sorted(heads.Values);
            var checkpoint = new AuditCheckpoint(
                CheckpointFormat.Version,
                Service,
                tenantId,
                (last?.Number ?? 0) + 1,
                HashChain.ToMicroseconds(clock.GetUtcNow()),
                highest,
                events,
                unitHead,
                CheckpointFormat.MerkleRoot(sorted),
                sorted,
                last is null ? null : CheckpointFormat.Hash(last),
                signer.Algorithm,
                signer.KeyId);
            var signed = signer.Sign(checkpoint);
            await checkpoints.AppendAsync(signed, cancellationToken);
            logger.LogInformation("Audit checkpoint {Number} of {Service}/{Tenant}: {Events} events up to sequence {Sequence}, {Streams} streams.",
                checkpoint.Number, Service, tenantId, events, highest, sorted.Count);
            return signed;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// The highest sequence number below which no event can still appear. Sequence numbers are drawn
    /// before the rows commit, so a lower number may commit after a higher one: a share lock on the
    /// event table waits until every append in flight has committed or rolled back (and holds new ones
    /// back for the moment it takes to read the maximum), so nothing at or below it arrives later.
    /// </summary>
    private async Task<long> SettledSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var timeout = new NpgsqlCommand("set local lock_timeout = '10s'", connection, transaction))
        {
            await timeout.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var lockTable = new NpgsqlCommand($"lock table {Schema}.mt_events in share mode", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var max = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {Schema}.mt_events", connection, transaction);
        var sequence = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }
}

/// <summary>This service's checkpoint settings, from the <c>Audit</c> section.</summary>
public sealed class AuditCheckpointSettings(string service, CheckpointSigner? signer)
{
    public string Service { get; } = service;

    public CheckpointSigner? Signer { get; } = signer;
}
