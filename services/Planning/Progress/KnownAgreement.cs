using BhxhPlatform.Contracts.Partners;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>A coordination programme or contract signed in a district, as it now stands (keyed by the agreement id).</summary>
public sealed record KnownAgreement(
    Guid Id,
    string District,
    string Kind,
    IReadOnlyList<string> AudienceCodes,
    IReadOnlyList<string> PlanLineCodes,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? ActivitiesPerYear,
    DateOnly? EndedOn)
{
    /// <summary>In force on <paramref name="day"/> (signed, started, not ended or expired).</summary>
    public bool InForceOn(DateOnly day) => StartsOn <= day && day <= EndsOn && (EndedOn is null || day < EndedOn);

    public bool Covers(string lineCode, string audienceCode) => PlanLineCodes.Contains(lineCode) || AudienceCodes.Contains(audienceCode);
}

public static class AgreementSignedHandler
{
    /// <summary>Signed, renewed or amended: the message is the agreement as it now stands, so it replaces (an end stays).</summary>
    public static async Task Handle(AgreementSigned message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var existing = await session.LoadAsync<KnownAgreement>(message.AgreementId, cancellation);
        session.Store(new KnownAgreement(
            message.AgreementId, ReceivedFacts.DistrictOf(envelope), message.Kind, message.AudienceCodes, message.PlanLineCodes,
            message.StartsOn, message.EndsOn, message.ActivitiesPerYear, existing?.EndedOn));
        session.Record(envelope, message, message.AgreementId, ReceivedFacts.Applied, clock);
    }
}

public static class AgreementEndedHandler
{
    public static async Task Handle(AgreementEnded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var existing = await session.LoadAsync<KnownAgreement>(message.AgreementId, cancellation);
        if (existing is null || existing.EndedOn is not null)
        {
            await session.RecordUnchangedAsync(
                envelope, message, message.AgreementId, existing is null ? "UnknownAgreement" : ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        session.Store(existing with { EndedOn = message.EndedOn });
        session.Record(envelope, message, message.AgreementId, ReceivedFacts.Applied, clock);
    }
}
