using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using BhxhPlatform.Contracts;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Configuration;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Serialization;
using Wolverine.Util;

namespace BhxhPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Puts integration messages straight into the consumers' PostgreSQL queue tables, inside the
/// transaction of the command that produced them.
/// </summary>
/// <remarks>
/// Every service shares one database, so the consumer's queue is in reach of the producer's
/// transaction: the message becomes visible exactly when the events commit, and never without
/// them. That is the guarantee of Wolverine's durable outbox without its second hop (an outbox
/// row, then one relay transaction per message and destination after the commit), which capped a
/// service at a few hundred messages a second. The rows are Wolverine envelopes, written with
/// Wolverine's own serializers, so each consumer's Wolverine listener, inbox, retries and dead
/// letters handle them as before; <see cref="QueueWakeUps"/> wakes the listener once they commit.
/// When the services no longer share one database (RabbitMQ, a database per service), set
/// <c>Messaging:Announcements</c> to <see cref="AnnouncementMode.WolverineOutbox"/>: the same
/// announcements then go through Wolverine's bus and durable outbox, relayed after the commit.
/// </remarks>
public sealed class IntegrationOutbox
{
    /// <summary>The configuration key that chooses how announcements leave the service.</summary>
    public const string ModeKey = "Messaging:Announcements";

    /// <summary>The channel Wolverine's PostgreSQL listeners wait on (EnableQueueNotifications).</summary>
    public const string WakeUpChannel = "wolverine_queue_wakeup";

    private static readonly ConcurrentDictionary<Type, string[]> Consumers = new();

    private readonly IWolverineRuntime _runtime;
    private readonly string _serviceName;
    private readonly Counter<long> _published;
    private readonly QueueWakeUps _wakeUps;

    public IntegrationOutbox(IWolverineRuntime runtime, IConfiguration configuration, IMeterFactory meters, QueueWakeUps wakeUps)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(wakeUps);
        _runtime = runtime;
        _wakeUps = wakeUps;
        _serviceName = runtime.Options.ServiceName;
        _published = meters.Create(Telemetry.PlatformMeterName).CreateCounter<long>(
            "bhxh.integration.published", "{message}", "Integration messages written to consumer queues (counted on commit).");
        var mode = configuration[ModeKey];
        Mode = string.IsNullOrWhiteSpace(mode)
            ? AnnouncementMode.SameDatabaseQueues
            : Enum.TryParse<AnnouncementMode>(mode, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"{ModeKey} must be {AnnouncementMode.SameDatabaseQueues} or {AnnouncementMode.WolverineOutbox}, not '{mode}'.");
    }

    /// <summary>How this service's announcements leave it.</summary>
    public AnnouncementMode Mode { get; }

    /// <summary>
    /// Announces <paramref name="message"/> from the handler whose unit of work is <paramref name="session"/>
    /// and whose Wolverine context is <paramref name="context"/>, the way <see cref="Mode"/> says.
    /// </summary>
    public async ValueTask AnnounceAsync(IDocumentSession session, IMessageContext context, object message, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Mode == AnnouncementMode.WolverineOutbox)
        {
            ConsumersOf(message.GetType());
            await context.PublishAsync(message, tenantId is null ? null : new DeliveryOptions { TenantId = tenantId });
            return;
        }

        Publish(session, message, tenantId);
    }

    /// <summary>The name of the queue table a service listens on, as Wolverine's PostgreSQL transport names it.</summary>
    public static string QueueTableName(string service) => $"wolverine_queue_{service}";

    /// <summary>The queue table a service listens on, with its schema.</summary>
    public static string QueueTable(string service) => $"{CritterStackExtensions.QueueSchema}.{QueueTableName(service)}";

    /// <summary>The services that consume <paramref name="messageType"/>, from its <see cref="ConsumedByAttribute"/>.</summary>
    public static IReadOnlyList<string> ConsumersOf(Type messageType) => Consumers.GetOrAdd(messageType, type =>
    {
        var services = type.GetCustomAttribute<ConsumedByAttribute>()?.Services.Distinct(StringComparer.Ordinal).ToArray()
            ?? throw new InvalidOperationException(
                $"{type.FullName} is not an integration message: only records of the contracts project marked [ConsumedBy] cross service lines.");

        // Service names become table names and a NOTIFY payload: plain lower-case words only.
        return services.All(s => s.Length > 0 && s.All(c => c is >= 'a' and <= 'z' or '_'))
            ? services
            : throw new InvalidOperationException($"{type.FullName} names a consumer that is not a plain service name.");
    });

    /// <summary>
    /// Queues <paramref name="message"/> for every consumer in <paramref name="session"/>'s unit of
    /// work. Who, correlation and causation come from the session; the unit (tenant) is the
    /// session's unless <paramref name="tenantId"/> names another (a province deciding for a district).
    /// </summary>
    public void Publish(IDocumentSession session, object message, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        var envelopes = PendingFor(session);
        foreach (var consumer in ConsumersOf(message.GetType()).Where(c => c != _serviceName))
        {
            var envelope = new Envelope(message)
            {
                MessageType = message.GetType().ToMessageTypeName(),
                ContentType = EnvelopeConstants.JsonContentType,
                Serializer = _runtime.Options.DefaultSerializer,
                Destination = new Uri($"postgresql://{consumer}"),
                Source = _serviceName,
                TenantId = tenantId ?? session.TenantId,
                UserName = session.LastModifiedBy,
                CorrelationId = session.CorrelationId ?? Activity.Current?.RootId,
                ParentId = Activity.Current?.Id,
                SentAt = DateTimeOffset.UtcNow,
            };
            envelope.ConversationId = envelope.Id;
            var queue = QueueTable(consumer);
            session.QueueSqlCommand(
                $"insert into {queue} (id, body, message_type) values (?, ?, ?)",
                envelope.Id, EnvelopeSerializer.Serialize(envelope), envelope.MessageType);

            // The consumer's listener is woken after the commit (QueueWakeUps), not by a NOTIFY in
            // this transaction: PostgreSQL serialises the commits of notifying transactions.
            envelopes.Destinations.Add(queue);
            envelopes.Envelopes.Add(envelope);
        }
    }

    private PendingEnvelopes PendingFor(IDocumentSession session)
    {
        var pending = session.Listeners.OfType<PendingEnvelopes>().FirstOrDefault();
        if (pending is null)
        {
            pending = new PendingEnvelopes(_runtime, _published, _wakeUps);
            session.Listeners.Add(pending);
        }

        return pending;
    }

    /// <summary>Reports the envelopes of a session as sent once its transaction has committed.</summary>
    private sealed class PendingEnvelopes(IWolverineRuntime runtime, Counter<long> published, QueueWakeUps wakeUps) : DocumentSessionListenerBase
    {
        public List<Envelope> Envelopes { get; } = [];

        public HashSet<string> Destinations { get; } = new(StringComparer.Ordinal);

        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            wakeUps.Ring(Destinations);
            foreach (var envelope in Envelopes)
            {
                runtime.MessageTracking.Sent(envelope);
            }

            published.Add(Envelopes.Count);
            Envelopes.Clear();
            Destinations.Clear();
            return Task.CompletedTask;
        }
    }
}

/// <summary>How announcements leave a service.</summary>
public enum AnnouncementMode
{
    /// <summary>Written into the consumers' queue tables in the command's own transaction (one shared database).</summary>
    SameDatabaseQueues,

    /// <summary>Published through Wolverine's bus and durable outbox, relayed after the commit (any transport).</summary>
    WolverineOutbox,
}
