using Marten;
using Wolverine;

namespace BhxhPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The integration messages a command or handler announces to other services, returned beside its
/// events. Wolverine runs this side effect inside the handler's unit of work, so the messages are
/// written to the consumers' queues in the same transaction as the events (see <see cref="IntegrationOutbox"/>).
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

    /// <summary>Adds a message for the unit of the current request, or for <paramref name="tenantId"/> when it names another unit.</summary>
    public Announce Add(object message, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        IntegrationOutbox.ConsumersOf(message.GetType());
        _messages.Add((message, tenantId));
        return this;
    }

    /// <summary>Called by Wolverine with the handler's own session and context, before it commits.</summary>
    public async Task ExecuteAsync(IDocumentSession session, IMessageContext context, IntegrationOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        foreach (var (message, tenantId) in _messages)
        {
            await outbox.AnnounceAsync(session, context, message, tenantId);
        }
    }
}
