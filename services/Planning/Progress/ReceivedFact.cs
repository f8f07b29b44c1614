using BhxhPlatform.Planning.DistrictPlans;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>
/// The audit trail of the facts other services sent: one document per fact received, with what
/// Planning did with it. The tenant is the unit the fact belongs to. A message carrying one fact
/// gives one document keyed by the envelope id; a message carrying several (a batch of activities)
/// gives one per fact, keyed by a name-based UUID of the envelope id and the fact's natural id, so
/// a redelivered envelope finds its own documents again instead of adding new ones.
/// </summary>
/// <param name="MessageId">
/// The envelope id of the message that brought the fact (the key of Wolverine's inbox and dead
/// letters); several facts of one batch share it. Null on facts recorded before it was kept, whose
/// <paramref name="Id"/> is the envelope id.
/// </param>
public sealed record ReceivedFact(Guid Id, string MessageType, string NaturalId, string? Tenant, DateTimeOffset ReceivedAt, string Outcome, Guid? MessageId = null);

public static class ReceivedFacts
{
    public const string Applied = "Applied";
    public const string Duplicate = "Duplicate";

    /// <summary>Records the one fact a message carries, keyed by its envelope id.</summary>
    public static void Record(this IDocumentSession session, Envelope envelope, object message, Guid naturalId, string outcome, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(clock);
        session.Store(Fact(envelope.Id, envelope, message, naturalId, outcome, clock.GetUtcNow()));
    }

    /// <summary>
    /// Records that the one fact a message carries changed nothing (<paramref name="outcome"/> says why),
    /// unless this very envelope has recorded its fact already: a redelivery, after Wolverine's inbox
    /// has let the envelope go, keeps what the first delivery recorded, "Applied" included, rather than
    /// rewriting it as a duplicate of itself.
    /// </summary>
    public static async Task RecordUnchangedAsync(
        this IDocumentSession session, Envelope envelope, object message, Guid naturalId, string outcome, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(envelope);
        if (await session.LoadAsync<ReceivedFact>(envelope.Id, cancellation) is null)
        {
            session.Record(envelope, message, naturalId, outcome, clock);
        }
    }

    /// <summary>Records one of the several facts a message carries, keyed by <see cref="ItemKey"/>.</summary>
    public static void RecordItem(this IDocumentSession session, Envelope envelope, object message, Guid naturalId, string outcome, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        session.Store(Fact(ItemKey(envelope.Id, naturalId), envelope, message, naturalId, outcome, receivedAt));
    }

    /// <summary>The key of one fact of a message that carries several: the same message and fact always give the same key.</summary>
    public static Guid ItemKey(Guid messageId, Guid naturalId) => DeterministicId.Create($"received-fact/{messageId:D}/{naturalId:D}");

    public static string DistrictOf(Envelope envelope) =>
        envelope?.TenantId ?? throw new InvalidOperationException("A fact from another service must carry its unit as tenant.");

    private static ReceivedFact Fact(Guid id, Envelope envelope, object message, Guid naturalId, string outcome, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ReceivedFact(id, message.GetType().Name, naturalId.ToString("D"), envelope.TenantId, receivedAt, outcome, envelope.Id);
    }
}
