using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BhxhPlatform.ServiceDefaults.DeadLetters;

/// <summary>
/// Every <see cref="Interval"/>: counts what waits in the service's dead-letter stores (Wolverine's message
/// dead letters and Marten's dead-letter events) into <see cref="DeadLetterMetrics"/>. It only reads:
/// dead letters are written, replayed and discarded by Wolverine and Marten themselves.
/// </summary>
public sealed class DeadLetterWatch(
    NpgsqlDataSource dataSource,
    IDocumentStore store,
    DeadLetterMetrics metrics,
    ILogger<DeadLetterWatch> logger,
    string schema) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly string _deadLetters = $"{schema}.wolverine_dead_letters";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
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
