using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BhxhPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the consumers' Wolverine listeners once a command's queue rows have committed: a NOTIFY on
/// <see cref="IntegrationOutbox.WakeUpChannel"/> naming each queue table, sent on a connection of its
/// own and coalesced, so a service sends at most one at a time however many commands commit meanwhile.
/// </summary>
/// <remarks>
/// The NOTIFY used to travel inside each command's transaction. PostgreSQL serialises the commits of
/// all transactions that notify (a database-wide lock held until the commit is flushed), which on this
/// machine cut a 16-client insert loop from about 2,900 to about 900 transactions a second
/// (pgbench, side by side); each command here notified twice. Sent after the commit, the wake-up can
/// only follow rows that are already visible. If it is lost (the process stops between the commit and
/// the NOTIFY, or the database refuses it), the listeners' polling finds the rows within its interval.
/// The connection is held between wake-ups rather than taken from the pool each time: a pooled
/// connection is reset (seven statements) at every checkout, more than the NOTIFY itself costs.
/// </remarks>
public sealed class QueueWakeUps(NpgsqlDataSource dataSource, ILogger<QueueWakeUps> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _due = new(StringComparer.Ordinal);
    private readonly Channel<bool> _rung = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Used by <see cref="ExecuteAsync"/> alone, one wake-up at a time; opened again after a failure.</summary>
    private NpgsqlConnection? _connection;

    /// <summary>Asks for a wake-up of the listeners of <paramref name="queueTables"/> (schema-qualified names).</summary>
    public void Ring(IEnumerable<string> queueTables)
    {
        ArgumentNullException.ThrowIfNull(queueTables);
        var any = false;
        foreach (var table in queueTables)
        {
            _due[table] = 0;
            any = true;
        }

        if (any)
        {
            _rung.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _rung.Reader.WaitToReadAsync(stoppingToken))
            {
                _rung.Reader.TryRead(out _);
                var tables = new List<string>();
                foreach (var table in _due.Keys)
                {
                    if (_due.TryRemove(table, out _))
                    {
                        tables.Add(table);
                    }
                }

                if (tables.Count > 0)
                {
                    await NotifyAsync(tables, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: anything still due is found by the listeners' polling.
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task NotifyAsync(List<string> tables, CancellationToken cancellationToken)
    {
        while (true)
        {
            var held = _connection is not null;
            try
            {
                _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
                await using var batch = _connection.CreateBatch();
                foreach (var table in tables)
                {
                    // The names come from IntegrationOutbox.QueueTable: a fixed schema and plain service names.
                    batch.BatchCommands.Add(new NpgsqlBatchCommand($"notify {IntegrationOutbox.WakeUpChannel}, '{table}'"));
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (Exception e)
            {
                // A wake-up is a courtesy: whatever went wrong, it must never stop the service.
                await CloseAsync();
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                // The held connection may have been closed by the server since the last wake-up: once more on
                // a new one (opened, not held, so a second failure ends here).
                if (held)
                {
                    continue;
                }

                logger.LogWarning(e, "Could not wake the listeners of {Queues}; their polling will find the messages", string.Join(", ", tables));
                return;
            }
        }
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // A broken connection may fail to close: it is dropped all the same.
        }
        finally
        {
            _connection = null;
        }
    }
}
