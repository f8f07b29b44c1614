using BhxhPlatform.Contracts.Partners;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Partners told Planning an agreement was signed, renewed or amended: its terms as they now stand, at the agreement's version <paramref name="Revision"/> (0: not said).</summary>
public sealed record AgreementTermsReceived(
    Guid AgreementId, string District, string Kind, IReadOnlyList<string> AudienceCodes, IReadOnlyList<string> PlanLineCodes,
    DateOnly StartsOn, DateOnly EndsOn, int? ActivitiesPerYear, Guid MessageId, long Revision = 0);

/// <summary>Partners told Planning an agreement ended.</summary>
public sealed record AgreementEndReceived(Guid AgreementId, DateOnly EndedOn, Guid MessageId);

/// <summary>A coordination programme or contract signed in a district, as it now stands (a stream per agreement id, inline snapshot).</summary>
public sealed record KnownAgreement(
    Guid Id,
    string District,
    string Kind,
    IReadOnlyList<string> AudienceCodes,
    IReadOnlyList<string> PlanLineCodes,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? ActivitiesPerYear,
    DateOnly? EndedOn,
    long Revision = 0)
{
    /// <summary>Terms of a revision older than (or the same as) those held; 0 (unknown) never is.</summary>
    public bool Holds(long revision) => revision != 0 && revision <= Revision;

    /// <summary>In force on <paramref name="day"/> (signed, started, not ended or expired).</summary>
    public bool InForceOn(DateOnly day) => StartsOn <= day && day <= EndsOn && (EndedOn is null || day < EndedOn);

    public bool Covers(string lineCode, string audienceCode) => PlanLineCodes.Contains(lineCode) || AudienceCodes.Contains(audienceCode);

    public static KnownAgreement Create(AgreementTermsReceived e) =>
        new(e.AgreementId, e.District, e.Kind, e.AudienceCodes, e.PlanLineCodes, e.StartsOn, e.EndsOn, e.ActivitiesPerYear, null, e.Revision);

    /// <summary>New terms replace the old; an end stays, and so does the revision when the new terms do not say theirs.</summary>
    public KnownAgreement Apply(AgreementTermsReceived e) => Create(e) with { EndedOn = EndedOn, Revision = e.Revision != 0 ? e.Revision : Revision };

    /// <summary>The same terms as already held: a repeat, which changes nothing.</summary>
    public bool HasTermsOf(AgreementTermsReceived e) =>
        Kind == e.Kind && StartsOn == e.StartsOn && EndsOn == e.EndsOn && ActivitiesPerYear == e.ActivitiesPerYear
        && AudienceCodes.SequenceEqual(e.AudienceCodes) && PlanLineCodes.SequenceEqual(e.PlanLineCodes);

    public KnownAgreement Apply(AgreementEndReceived e) => this with { EndedOn = e.EndedOn };
}

public static class AgreementSignedHandler
{
    /// <summary>Signed, renewed or amended: the message is the agreement as it now stands, so it replaces (an end stays).</summary>
    public static async Task Handle(AgreementSigned message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<KnownAgreement>(message.AgreementId, cancellation);
        var terms = new AgreementTermsReceived(
            message.AgreementId, ReceivedFacts.DistrictOf(envelope), message.Kind, message.AudienceCodes, message.PlanLineCodes,
            message.StartsOn, message.EndsOn, message.ActivitiesPerYear, envelope.Id, message.Revision);
        // FetchForWriting: another message about the agreement stored meanwhile is a concurrency failure (retried), never
        // a lost update; terms older than those held (an amendment handled after the renewal that followed it) change nothing.
        if (stream.Aggregate is { } held && (held.HasTermsOf(terms) || held.Holds(message.Revision)))
        {
            await session.RecordUnchangedAsync(envelope, message, message.AgreementId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        stream.AppendOne(terms);
        session.Record(envelope, message, message.AgreementId, ReceivedFacts.Applied, clock);
    }
}

public static class AgreementEndedHandler
{
    public static async Task Handle(AgreementEnded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<KnownAgreement>(message.AgreementId, cancellation);
        var existing = stream.Aggregate;
        if (existing is null || existing.EndedOn is not null)
        {
            await session.RecordUnchangedAsync(
                envelope, message, message.AgreementId, existing is null ? "UnknownAgreement" : ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        stream.AppendOne(new AgreementEndReceived(message.AgreementId, message.EndedOn, envelope.Id));
        session.Record(envelope, message, message.AgreementId, ReceivedFacts.Applied, clock);
    }
}
