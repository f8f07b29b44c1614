using Marten;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Read models kept as events of what another service said (a stream per thing it was told about):
/// a message appends only when it changes what is held, so a repeat (a redelivery, or the sender
/// restating the same) leaves the stream as it was.
/// </summary>
public static class ReceivedStreams
{
    /// <summary>
    /// Appends <paramref name="received"/> to the stream <paramref name="id"/> (with its expected
    /// version, so a concurrent writer fails) unless <paramref name="evolve"/> of what is held and the
    /// event gives what is held already; returns whether it appended.
    /// </summary>
    public static async Task<bool> AppendIfChangedAsync<TAggregate, TEvent>(
        this IDocumentSession session, Guid id, TEvent received, Func<TAggregate?, TEvent, TAggregate> evolve, CancellationToken cancellation)
        where TAggregate : class
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(evolve);
        var stream = await session.Events.FetchForWriting<TAggregate>(id, cancellation);
        if (Equals(evolve(stream.Aggregate, received), stream.Aggregate))
        {
            return false;
        }

        stream.AppendOne(received);
        return true;
    }
}
