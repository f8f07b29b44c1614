using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BhxhPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Creates, at start-up, the queue table of every service this one announces messages to, so the
/// first command can write into it even when the consumer has never run on this database yet.
/// </summary>
/// <remarks>
/// The table is exactly the one Wolverine's PostgreSQL transport builds for a queue (same columns,
/// key and index names), so when the consumer starts, Wolverine finds it in place and only adds
/// the scheduled-message table beside it. Wolverine itself would create a sender's queue only on
/// its first send after a commit, which is too late for a write inside the command's transaction.
/// </remarks>
internal sealed class IntegrationQueues(NpgsqlDataSource dataSource, string serviceName, ILogger<IntegrationQueues> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var consumers = IntegrationRouting.MessageTypes
            .SelectMany(IntegrationOutbox.ConsumersOf)
            .Where(c => c != serviceName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var consumer in consumers)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = dataSource.CreateCommand(Ddl(consumer));
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    break;
                }
                catch (PostgresException e) when (attempt < 3 && e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation
                                                      or PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.DuplicateSchema)
                {
                    // Another service created the same schema or table at the same moment: look again.
                    logger.LogDebug(e, "The queue of {Consumer} was being created by another service", consumer);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Ddl(string consumer)
    {
        var table = IntegrationOutbox.QueueTableName(consumer);
        return $"""
            create schema if not exists {CritterStackExtensions.QueueSchema};
            create table if not exists {IntegrationOutbox.QueueTable(consumer)} (
                id uuid not null,
                body bytea not null,
                message_type varchar not null,
                keep_until timestamp with time zone,
                "timestamp" timestamp with time zone default now(),
                constraint pkey_{table}_id primary key (id));
            create index if not exists idx_{table}_timestamp on {IntegrationOutbox.QueueTable(consumer)} using btree ("timestamp");
            """;
    }
}
