using System.Collections.Concurrent;
using System.Reflection;
using BhxhPlatform.Contracts;
using Wolverine;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Routes every integration message of the contracts assembly to the queues of the services
/// named in its <see cref="ConsumedByAttribute"/>. Commands announce through
/// <see cref="Messaging.Announce"/>, which publishes through Wolverine's durable outbox; Wolverine
/// relays each envelope along these routes once the command's transaction has committed.
/// </summary>
public static class IntegrationRouting
{
    private static readonly ConcurrentDictionary<Type, string[]> Consumers = new();

    public static IEnumerable<Type> MessageTypes =>
        typeof(ConsumedByAttribute).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<ConsumedByAttribute>() is not null);

    /// <summary>The services that consume <paramref name="messageType"/>, from its <see cref="ConsumedByAttribute"/>.</summary>
    public static IReadOnlyList<string> ConsumersOf(Type messageType) => Consumers.GetOrAdd(messageType, type =>
    {
        var services = type.GetCustomAttribute<ConsumedByAttribute>()?.Services.Distinct(StringComparer.Ordinal).ToArray()
            ?? throw new InvalidOperationException(
                $"{type.FullName} is not an integration message: only records of the contracts project marked [ConsumedBy] cross service lines.");

        // Service names become queue (table) names: plain lower-case words only.
        return services.All(s => s.Length > 0 && s.All(c => c is >= 'a' and <= 'z' or '_'))
            ? services
            : throw new InvalidOperationException($"{type.FullName} names a consumer that is not a plain service name.");
    });

    /// <summary>Routes through <paramref name="transport"/>: each consumer's own queue on it.</summary>
    public static void Apply(WolverineOptions options, string serviceName, IntegrationTransportKind transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var messageType in MessageTypes)
        {
            foreach (var consumer in ConsumersOf(messageType).Where(s => s != serviceName))
            {
                options.PublishTo(transport, messageType, consumer);
            }
        }
    }
}
