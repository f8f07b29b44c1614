using System.Globalization;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Wolverine;

namespace BhxhPlatform.Outreach.Enrolments;

/// <summary>
/// Thirty days before <paramref name="CoverageEndsOn"/>, remind <paramref name="Audience"/> to renew these cards, all
/// recorded at once (one enrolment, or the rows of one imported list) and ending that day.
/// </summary>
public sealed record RemindCardRenewal(IReadOnlyList<Guid> EnrolmentIds, DateOnly CoverageEndsOn, ReminderAudience Audience);

/// <summary>
/// Household (and student, sponsored) health-insurance cards run for a paid period; the person stays covered only if
/// the card is renewed before its last day. Whoever enrolled them is reminded 30 days before, by a durable message
/// scheduled in the same transaction as the enrolment (Wolverine's outbox), and the card is on the unit's renewal
/// list (<see cref="ListCardRenewalsEndpoint"/>) from that day to its last.
/// </summary>
public static class CardRenewals
{
    public const int DaysAhead = 30;

    /// <summary>When the reminder of cards ending on <paramref name="coverageEndsOn"/> goes out: 07:00 in Vietnam, 30 days before.</summary>
    public static DateTimeOffset DueAt(DateOnly coverageEndsOn) =>
        new(coverageEndsOn.AddDays(-DaysAhead).ToDateTime(new TimeOnly(7, 0)), Formats.VietnamOffset);

    /// <summary>
    /// Who renews the cards: the collection agent who recorded them (by user name, the "who" of the event); for a list
    /// imported or an enrolment recorded by an officer, the organisation's collection agents; without one, the unit's officers.
    /// </summary>
    public static ReminderAudience AudienceOf(string unit, HttpContext context, Guid? organisationId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var grant = context.Access();
        var userName = context.User.FindFirst(PlatformClaims.UserName)?.Value;
        if (grant is { Role: PlatformRoles.CollectionAgent } && !string.IsNullOrWhiteSpace(userName))
        {
            return new ReminderAudience(unit, PlatformRoles.CollectionAgent, grant.Organisation, userName);
        }

        return organisationId is { } organisation && organisation != Guid.Empty
            ? new ReminderAudience(unit, PlatformRoles.CollectionAgent, organisation)
            : new ReminderAudience(unit, PlatformRoles.DistrictOfficer);
    }

    /// <summary>
    /// One reminder per day on which some of <paramref name="recorded"/>'s cards end: scheduled for 30 days before, or sent
    /// now (a durable local message as well) when the card ends sooner than that.
    /// </summary>
    public static void Schedule(OutgoingMessages messages, IEnumerable<EnrolmentRecorded> recorded, ReminderAudience audience, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var day in recorded.Where(r => r.CoverageEndsOn is not null).GroupBy(r => r.CoverageEndsOn!.Value))
        {
            var reminder = new RemindCardRenewal([.. day.Select(r => r.EnrolmentId).Order()], day.Key, audience);
            if (DueAt(day.Key) > now)
            {
                messages.Schedule(reminder, DueAt(day.Key));
            }
            else
            {
                messages.Add(reminder);
            }
        }
    }

    /// <summary>
    /// The reminder of the cards (one per person enrolled: a household of three holds three cards); named by the enrolments,
    /// so a second run (a retry, a replica) is the same reminder.
    /// </summary>
    public static ReminderRaised For(RemindCardRenewal message, int cards)
    {
        ArgumentNullException.ThrowIfNull(message);
        var day = message.CoverageEndsOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var what = $"{cards} thẻ BHYT";
        var (whatEn, end, stop) = cards == 1 ? ("1 health-insurance card", "ends", "stops") : ($"{cards} health-insurance cards", "end", "stop");
        return new ReminderRaised(
            ReminderIds.For(ReminderKinds.CardsToRenew, message.Audience.Unit, message.CoverageEndsOn.ToString("O", CultureInfo.InvariantCulture),
                string.Join(',', message.EnrolmentIds.Select(i => i.ToString("N")))),
            ReminderKinds.CardsToRenew,
            message.Audience,
            new BilingualText($"{what} hết hạn ngày {day}", $"{whatEn} {end} on {day}"),
            new BilingualText(
                $"{what} do bạn vận động tham gia hết hạn sử dụng ngày {day}. Xin liên hệ người tham gia để gia hạn trước ngày này, để không bị gián đoạn quyền lợi.",
                $"{whatEn} you enrolled {stop} being valid on {day}. Please contact the people to renew before then, so that their cover does not lapse."),
            "/worklists/renewals",
            message.CoverageEndsOn);
    }
}

public static class RemindCardRenewalHandler
{
    /// <summary>The cards as recorded (each names its own last day); nothing when none of them is a card ending that day.</summary>
    public static async Task<Announce> Handle(RemindCardRenewal message, IDocumentSession session, CancellationToken cancellation)
    {
        var unit = session.ForTenant(message.Audience.Unit);
        var cards = (await unit.LoadManyAsync<Enrolment>(cancellation, message.EnrolmentIds))
            .Where(e => e.CoverageEndsOn == message.CoverageEndsOn)
            .ToList();
        return cards.Count == 0
            ? Announce.Nothing
            : new Announce().Add(CardRenewals.For(message, cards.Sum(c => c.Count)), message.Audience.Unit);
    }
}
