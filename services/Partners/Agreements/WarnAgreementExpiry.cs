using System.Globalization;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Wolverine;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Scheduled some days before the end date (see <see cref="AgreementOptions"/>) when an agreement is signed or renewed.</summary>
public sealed record WarnAgreementExpiry(Guid AgreementId, DateOnly EndsOn);

public static class WarnAgreementExpiryHandler
{
    /// <summary>Pure decision: warn once per end date, only while the agreement is signed and still ends then.</summary>
    public static bool ShouldWarn(Agreement? agreement, DateOnly scheduledEndsOn) =>
        agreement is { Status: AgreementStatus.Signed } && agreement.EndsOn == scheduledEndsOn && agreement.ExpiryWarnedFor != scheduledEndsOn;

    /// <summary>Records the warning and tells the unit's officers (an inbox item and a mail each, through Identity).</summary>
    public static async Task<Announce> Handle(
        WarnAgreementExpiry message, IDocumentSession session, IMessageContext context, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Agreement>(message.AgreementId, cancellation);
        if (!ShouldWarn(stream.Aggregate, message.EndsOn) || context.TenantId is not { } unit)
        {
            return Announce.Nothing;
        }

        var agreement = stream.Aggregate!;
        stream.AppendOne(new AgreementExpiryWarned(message.AgreementId, message.EndsOn, AgreementSchedule.Today(clock)));
        return new Announce(EndingReminder(agreement, unit));
    }

    public static ReminderRaised EndingReminder(Agreement agreement, string unit)
    {
        var day = agreement.EndsOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new ReminderRaised(
            ReminderIds.For(ReminderKinds.AgreementEnding, agreement.Id.ToString("D"), agreement.EndsOn.ToString("O", CultureInfo.InvariantCulture)),
            ReminderKinds.AgreementEnding,
            new ReminderAudience(unit, PlatformRoles.DistrictOfficer),
            new BilingualText($"Thỏa thuận “{agreement.Title}” hết hạn ngày {day}", $"Agreement “{agreement.Title}” ends on {day}"),
            new BilingualText(
                $"Thỏa thuận “{agreement.Title}” hết hạn ngày {day}. Xin gia hạn, sửa đổi hoặc để thỏa thuận kết thúc.",
                $"Agreement “{agreement.Title}” ends on {day}. Renew or amend it, or let it end."),
            $"/agreements/{agreement.Id:D}",
            agreement.EndsOn);
    }
}
