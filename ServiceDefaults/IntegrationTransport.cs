using Microsoft.Extensions.Configuration;
using Wolverine;
using Wolverine.Postgresql;
using Wolverine.Postgresql.Transport;
using Wolverine.RabbitMQ;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>The broker integration messages cross service lines through.</summary>
public enum IntegrationTransportKind
{
    /// <summary>Wolverine's PostgreSQL queues, in the shared schema <see cref="CritterStackExtensions.QueueSchema"/> (the default).</summary>
    PostgreSql,

    /// <summary>RabbitMQ, one durable quorum queue per service, reached by the connection string <see cref="IntegrationTransport.RabbitMqConnectionName"/>.</summary>
    RabbitMq,
}

/// <summary>
/// Which transport carries the integration messages is configuration: <c>Messaging:Transport</c> =
/// <c>postgresql</c> (the default) or <c>rabbitmq</c>, with <c>ConnectionStrings:rabbitmq</c> an
/// <c>amqp://</c> URI. Either way the durable outbox and inbox stay in PostgreSQL, so a command's
/// messages are stored in its own transaction and a receiver stores a message before it acknowledges it.
/// </summary>
public static class IntegrationTransport
{
    public const string SettingKey = "Messaging:Transport";

    public const string RabbitMqConnectionName = "rabbitmq";

    public static IntegrationTransportKind From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[SettingKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "postgresql" => IntegrationTransportKind.PostgreSql,
            "rabbitmq" => IntegrationTransportKind.RabbitMq,
            var other => throw new InvalidOperationException($"{SettingKey} is '{other}': use 'postgresql' (the default) or 'rabbitmq'."),
        };
    }

    /// <summary>Connects the transport and listens on the service's own queue (named after the service).</summary>
    public static IntegrationTransportKind UseIntegrationTransport(this WolverineOptions options, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = From(configuration);
        if (kind == IntegrationTransportKind.RabbitMq)
        {
            var connectionString = configuration.GetConnectionString(RabbitMqConnectionName)
                ?? throw new InvalidOperationException(
                    $"{SettingKey} is 'rabbitmq' but the connection string '{RabbitMqConnectionName}' is not configured. " +
                    $"Run the service through the AppHost or set ConnectionStrings__{RabbitMqConnectionName} (amqp://user:password@host:port).");

            // Quorum queues: the broker confirms a message only once it is written to its log, so a
            // confirmed message survives a broker crash; Wolverine deletes an outbox row only after the
            // confirm. Queues are declared at start (each service declares its own and its consumers').
            // Publisher confirms, explicitly: Wolverine deletes an outbox row once its publish returns, and
            // without a confirm a publish returns when the bytes are in the socket; a broker crash then lost
            // the messages of its last second (7 of 240 in tests/Fault.Tests RabbitMqRestartTests).
            options.UseRabbitMq(new Uri(connectionString))
                .AutoProvision()
                .UseQuorumQueues()
                .ConfigureChannelCreation(channel =>
                {
                    channel.PublisherConfirmationsEnabled = true;
                    channel.PublisherConfirmationTrackingEnabled = true;
                });

            // A durable listener acknowledges a delivery once it is in the inbox; a few unacknowledged
            // deliveries per consumer keep the queue moving without holding many in flight.
            options.ListenToRabbitQueue(serviceName).PreFetchCount(100);
            return kind;
        }

        // LISTEN/NOTIFY wakes the listener as soon as a message lands (tens of milliseconds); polling
        // stays as the fallback, tuned down from the default 5 s so a missed notification still costs
        // well under a second.
        options.ListenToPostgresqlQueue(serviceName)
            .PollingInterval(TimeSpan.FromMilliseconds(100))
            .MaximumMessagesToReceive(100);
        options.Transports.GetOrCreate<PostgresqlTransport>().EnableQueueNotifications = true;
        return kind;
    }

    /// <summary>Where a service sends <paramref name="messageType"/> for <paramref name="consumer"/>: the consumer's own queue.</summary>
    internal static void PublishTo(this WolverineOptions options, IntegrationTransportKind kind, Type messageType, string consumer) =>
        options.Publish(rule =>
        {
            if (kind == IntegrationTransportKind.RabbitMq)
            {
                rule.Message(messageType).ToRabbitQueue(consumer);
            }
            else
            {
                rule.Message(messageType).ToPostgresqlQueue(consumer);
            }
        });
}
