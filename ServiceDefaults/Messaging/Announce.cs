using Wolverine;

namespace BhxhPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The integration messages a command or handler announces to other services, returned beside its
/// events. Wolverine runs this side effect inside the handler's unit of work and publishes each
/// message through its durable outbox: the envelope is stored in the service's
/// <c>wolverine_outgoing_envelopes</c> in the same transaction as the events, and Wolverine relays
/// it to the consumers' queues (<see cref="IntegrationRouting"/>) only once that transaction has
/// committed. A rejected command announces nothing; a crash after the commit is recovered from the
/// outbox by Wolverine's durability agent.
/// </summary>
public sealed class Announce : ISideEffect
{
    private readonly List<(object Message, string? TenantId)> _messages = [];

    public Announce(params object[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Add(message);
        }
    }

    /// <summary>Nothing to announce (a command rejected before it decided anything).</summary>
    public static Announce Nothing => new();

    /// <summary>The messages announced so far, with the unit each is for (null: the request's own).</summary>
    public IReadOnlyList<(object Message, string? TenantId)> Messages => _messages;

    /// <summary>Adds a message for the unit of the current request, or for <paramref name="tenantId"/> when it names another unit.</summary>
    public Announce Add(object message, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        IntegrationRouting.ConsumersOf(message.GetType());
        _messages.Add((message, tenantId));
        return this;
    }

    /// <summary>
    /// Called by Wolverine with the handler's own message context, before the unit of work commits.
    /// Who, correlation and causation travel on the envelope from that context (user names are relayed:
    /// <c>EnableRelayOfUserName</c>); the unit is the context's unless the message names another.
    /// </summary>
    public async Task ExecuteAsync(IMessageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (message, tenantId) in _messages)
        {
            await context.PublishAsync(message, tenantId is null ? null : new DeliveryOptions { TenantId = tenantId });
        }
    }
}
