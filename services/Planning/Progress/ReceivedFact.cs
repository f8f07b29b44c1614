using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>
/// The audit trail of the facts other services sent: one document per message received (keyed by
/// the envelope id), with what Planning did with it. The tenant is the unit the fact belongs to.
/// </summary>
public sealed record ReceivedFact(Guid Id, string MessageType, string NaturalId, string? Tenant, DateTimeOffset ReceivedAt, string Outcome);

public static class ReceivedFacts
{
    public const string Applied = "Applied";
    public const string Duplicate = "Duplicate";

    public static void Record(this IDocumentSession session, Envelope envelope, object message, Guid naturalId, string outcome, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(message);
        session.Store(new ReceivedFact(envelope.Id, message.GetType().Name, naturalId.ToString("D"), envelope.TenantId, clock.GetUtcNow(), outcome));
    }

    public static string DistrictOf(Envelope envelope) =>
        envelope?.TenantId ?? throw new InvalidOperationException("A fact from another service must carry its unit as tenant.");
}
