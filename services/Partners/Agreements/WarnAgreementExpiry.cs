using Marten;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Scheduled some days before the end date (see <see cref="AgreementOptions"/>) when an agreement is signed or renewed.</summary>
public sealed record WarnAgreementExpiry(Guid AgreementId, DateOnly EndsOn);

public static class WarnAgreementExpiryHandler
{
    /// <summary>Pure decision: warn once per end date, only while the agreement is signed and still ends then.</summary>
    public static bool ShouldWarn(Agreement? agreement, DateOnly scheduledEndsOn) =>
        agreement is { Status: AgreementStatus.Signed } && agreement.EndsOn == scheduledEndsOn && agreement.ExpiryWarnedFor != scheduledEndsOn;

    public static async Task Handle(WarnAgreementExpiry message, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Agreement>(message.AgreementId, cancellation);
        if (ShouldWarn(stream.Aggregate, message.EndsOn))
        {
            stream.AppendOne(new AgreementExpiryWarned(message.AgreementId, message.EndsOn, AgreementSchedule.Today(clock)));
        }
    }
}
