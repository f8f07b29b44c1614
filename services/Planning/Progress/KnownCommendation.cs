using BhxhPlatform.Contracts.Partners;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Partners told Planning a commendation was awarded in a district.</summary>
public sealed record CommendationReceived(Guid CommendationId, string District, int Year, Guid? PartnerId, DateOnly AwardedOn, Guid MessageId);

/// <summary>Partners told Planning a commendation was withdrawn.</summary>
public sealed record CommendationRevocationReceived(Guid CommendationId, string District, Guid MessageId);

/// <summary>
/// A commendation awarded in a district (a stream per commendation id, inline snapshot): of a partner organisation
/// ("tập thể") or of a person ("cá nhân"), whose name Planning never holds. The results report counts those not withdrawn.
/// </summary>
/// <param name="Awarded">False for the placeholder a withdrawal that came before its award leaves.</param>
public sealed record KnownCommendation(Guid Id, string District, int Year, Guid? PartnerId, DateOnly AwardedOn, bool Awarded, bool Withdrawn)
{
    /// <summary>Awarded, and not withdrawn: what the report counts.</summary>
    public bool Counts => Awarded && !Withdrawn;

    public static KnownCommendation Create(CommendationReceived e) => new(e.CommendationId, e.District, e.Year, e.PartnerId, e.AwardedOn, true, false);

    /// <summary>A withdrawal that came before the award: a withdrawn placeholder, so the late award never counts.</summary>
    public static KnownCommendation Create(CommendationRevocationReceived e) => new(e.CommendationId, e.District, 0, null, default, false, true);

    public KnownCommendation Apply(CommendationReceived e) => this with { Year = e.Year, PartnerId = e.PartnerId, AwardedOn = e.AwardedOn, Awarded = true };

    public KnownCommendation Apply(CommendationRevocationReceived _) => this with { Withdrawn = true };
}

public static class CommendationConferredHandler
{
    public static async Task Handle(CommendationConferred message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        // FetchForWriting: a withdrawal stored meanwhile is a concurrency failure (retried), never a lost update.
        var stream = await session.Events.FetchForWriting<KnownCommendation>(message.CommendationId, cancellation);
        if (stream.Aggregate?.Awarded == true)
        {
            await session.RecordUnchangedAsync(envelope, message, message.CommendationId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        stream.AppendOne(new CommendationReceived(
            message.CommendationId, ReceivedFacts.DistrictOf(envelope), message.Year, message.PartnerId, message.AwardedOn, envelope.Id));
        session.Record(envelope, message, message.CommendationId, ReceivedFacts.Applied, clock);
    }
}

public static class CommendationRevokedHandler
{
    /// <summary>A withdrawal before the award itself arrived leaves a withdrawn placeholder, so the late award never counts.</summary>
    public static async Task Handle(CommendationRevoked message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<KnownCommendation>(message.CommendationId, cancellation);
        if (stream.Aggregate?.Withdrawn == true)
        {
            await session.RecordUnchangedAsync(envelope, message, message.CommendationId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        stream.AppendOne(new CommendationRevocationReceived(message.CommendationId, ReceivedFacts.DistrictOf(envelope), envelope.Id));
        session.Record(envelope, message, message.CommendationId, ReceivedFacts.Applied, clock);
    }
}
