using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine.Runtime.Serialization;

namespace BhxhPlatform.ServiceDefaults.DeadLetters;

/// <summary>
/// Every <see cref="Interval"/>: moves envelopes whose bytes cannot be read from the service's inbox to
/// its message dead letters, then refreshes <see cref="DeadLetterMetrics"/>.
/// <para>
/// Why: Wolverine 6.62's PostgreSQL queue listener pops a batch by moving the rows into the inbox
/// (<c>wolverine_incoming_envelopes</c>) and only then deserializes them. A row whose bytes are not an
/// envelope is logged and replaced by a ping, with no setting or hook to dead-letter it instead; its
/// inbox row stays behind, never handled (and inbox recovery, which deserializes whole pages of such
/// rows, would throw on it). Here such a row is moved, bytes untouched, into <c>wolverine_dead_letters</c> in the shape
/// Wolverine uses, so the admin dead-letter API lists it (as an unreadable placeholder), replays it
/// (the stored bytes are sent again as they are: after an operator repaired them they are handled,
/// otherwise they come back here) or discards it.
/// </para>
/// </summary>
public sealed class DeadLetterWatch(
    NpgsqlDataSource dataSource,
    IDocumentStore store,
    DeadLetterMetrics metrics,
    ILogger<DeadLetterWatch> logger,
    string schema) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly string _incoming = $"{schema}.wolverine_incoming_envelopes";
    private readonly string _deadLetters = $"{schema}.wolverine_dead_letters";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var moved = await MoveUnreadableEnvelopesAsync(stoppingToken);
                if (moved > 0)
                {
                    metrics.Unreadable(moved);
                }

                await RefreshCountsAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or Marten.Exceptions.MartenException && !stoppingToken.IsCancellationRequested)
            {
                // The database is away or Wolverine has not created its tables yet: look again next time.
                logger.LogDebug(e, "Dead-letter watch skipped a round");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>
    /// Moves every inbox row from a PostgreSQL queue whose bytes are not an envelope to the dead letters;
    /// returns how many. (Rows of the local durable queues were written by Wolverine itself.)
    /// </summary>
    public async Task<int> MoveUnreadableEnvelopesAsync(CancellationToken cancellationToken)
    {
        var unreadable = new List<(Guid Id, Exception Error)>();
        await using (var select = dataSource.CreateCommand($"select id, body from {_incoming} where status = 'Incoming' and received_at like 'postgresql:%'"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var body = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken);
                if (body.Length == 0)
                {
                    continue;
                }

                try
                {
                    EnvelopeSerializer.Deserialize(body);
                }
                catch (Exception e)
                {
                    // Whatever the serializer throws, the bytes are not an envelope.
                    unreadable.Add((reader.GetGuid(0), e));
                }
            }
        }

        var moved = 0;
        foreach (var (id, error) in unreadable)
        {
            // One statement: the row leaves the inbox and enters the dead letters together, or not at all.
            await using var move = dataSource.CreateCommand($"""
                with moved as (
                    delete from {_incoming} where id = $1 and status = 'Incoming'
                    returning id, body, message_type, received_at)
                insert into {_deadLetters}
                    (id, execution_time, body, message_type, received_at, source, exception_type, exception_message,
                     sent_at, replayable, failed_at, first_failed_at)
                select id, null, body, coalesce(message_type, 'unknown'), received_at, null, $2, $3, now(), false, now(), now()
                from moved
                on conflict (id) do update set body = excluded.body, exception_type = excluded.exception_type,
                    exception_message = excluded.exception_message, replayable = false, failed_at = excluded.failed_at
                """);
            move.Parameters.Add(new NpgsqlParameter { Value = id });
            move.Parameters.Add(new NpgsqlParameter { Value = error.GetType().FullName ?? error.GetType().Name });
            move.Parameters.Add(new NpgsqlParameter { Value = $"The envelope's bytes could not be read: {error.Message}" });
            if (await move.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                moved++;
                logger.LogWarning(error, "Envelope {EnvelopeId} could not be read; moved to the dead letters", id);
            }
        }

        return moved;
    }

    private async Task RefreshCountsAsync(CancellationToken cancellationToken)
    {
        await using var count = dataSource.CreateCommand($"select count(*) from {_deadLetters}");
        var messages = (long)(await count.ExecuteScalarAsync(cancellationToken))!;

        var events = ProjectionDeadLetterEndpoints.AsyncProjections(store).ToDictionary(p => p.Name, _ => 0L, StringComparer.Ordinal);
        if (events.Count > 0)
        {
            foreach (var shard in await ((IEventDatabase)store.Storage.Database).FetchDeadLetterCountsAsync(cancellationToken))
            {
                events[shard.ProjectionName] = events.GetValueOrDefault(shard.ProjectionName) + shard.Count;
            }
        }

        metrics.Refresh(messages, events);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
