using System.Reflection;
using BhxhPlatform.Contracts;
using Wolverine;
using Wolverine.Postgresql;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Routes every integration message of the contracts assembly to the queues of the services
/// named in its <see cref="ConsumedByAttribute"/>. Commands announce through
/// <see cref="Messaging.Announce"/>, which writes into those queues in their own transaction; these
/// Wolverine routes serve whatever publishes through <c>IMessageBus</c> instead (the durable outbox
/// then relays after the commit), so both paths reach the same queues.
/// </summary>
public static class IntegrationRouting
{
    public static IEnumerable<Type> MessageTypes =>
        typeof(ConsumedByAttribute).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<ConsumedByAttribute>() is not null);

    public static void Apply(WolverineOptions options, string serviceName)
    {
        foreach (var messageType in MessageTypes)
        {
            var consumers = Messaging.IntegrationOutbox.ConsumersOf(messageType).Where(s => s != serviceName);
            foreach (var consumer in consumers)
            {
                options.Publish(rule => rule.Message(messageType).ToPostgresqlQueue(consumer));
            }
        }
    }
}
