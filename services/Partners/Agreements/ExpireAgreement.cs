using BhxhPlatform.Contracts.Partners;
using Marten;
using Wolverine;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>
/// Scheduled for the end date when an agreement is signed or renewed. Carries the end date it
/// was scheduled for, so a schedule made stale by a renewal changes nothing.
/// </summary>
public sealed record ExpireAgreement(Guid AgreementId, DateOnly EndsOn);

public static class ExpireAgreementHandler
{
    /// <summary>Pure decision: expire only a signed agreement whose end date is still the one scheduled.</summary>
    public static bool ShouldExpire(Agreement? agreement, DateOnly scheduledEndsOn) =>
        agreement is { Status: AgreementStatus.Signed } && agreement.EndsOn == scheduledEndsOn;

    public static async Task<Announce> Handle(ExpireAgreement message, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Agreement>(message.AgreementId, cancellation);
        if (!ShouldExpire(stream.Aggregate, message.EndsOn))
        {
            return Announce.Nothing;
        }

        stream.AppendOne(new AgreementExpired(message.AgreementId, message.EndsOn));
        return new Announce(new AgreementEnded(message.AgreementId, nameof(AgreementStatus.Expired), message.EndsOn));
    }
}
