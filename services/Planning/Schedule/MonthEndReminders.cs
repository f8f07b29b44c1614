using System.Globalization;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Schedule;

/// <summary>At the end of <paramref name="Month"/>, tell each unit of <paramref name="Province"/> with overdue lines which they are.</summary>
public sealed record RemindOverdueLines(string Province, int Year, int Month);

/// <summary>Schedule the month-end reminder of a province's month, unless it is scheduled already.</summary>
public sealed record ScheduleMonthEndReminders(string Province, int Year, int Month);

/// <summary>That a province's month-end reminder is scheduled (one document per province and month, its id <c>{province}/{yyyy-MM}</c>).</summary>
public sealed record MonthEndReminderSchedule(string Id, DateTimeOffset At);

public static class MonthEndReminders
{
    /// <summary>When a month's reminder goes out: 07:00 in Vietnam on the first day of the next month.</summary>
    public static DateTimeOffset DueAt(int year, int month) =>
        VietnamTime.At(new DateOnly(year, month, 1).AddMonths(1), new TimeOnly(7, 0));

    public static string ScheduleId(string province, int year, int month) => $"{province}/{year:D4}-{month:D2}";

    /// <summary>
    /// The reminder of one unit whose lines were overdue at the month's end; null when none was. Named by the unit
    /// and the month, so a second run of the same month (a retry, a replica) is the same reminder.
    /// </summary>
    public static ReminderRaised? For(DistrictProgress unit, IReadOnlyList<LineProgress> lines, string office, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var overdue = lines.Where(l => l.PlanId == unit.PlanId && l.Overdue).Select(l => l.Code).Order(StringComparer.Ordinal).ToList();
        if (overdue.Count == 0)
        {
            return null;
        }

        var period = $"{month:D2}/{year:D4}";
        var codes = string.Join(", ", overdue);
        return new ReminderRaised(
            ReminderIds.For(ReminderKinds.LinesOverdue, unit.District, period),
            ReminderKinds.LinesOverdue,
            new ReminderAudience(unit.District, PlatformRoles.DistrictOfficer),
            new BilingualText($"{office}: {overdue.Count} dòng kế hoạch chậm tiến độ cuối tháng {period}", $"{office}: {overdue.Count} plan lines behind schedule at the end of {period}"),
            new BilingualText(
                $"Đến hết tháng {period}, các dòng sau chưa đạt số hoạt động theo lịch: {codes}. Xin ghi nhận hoạt động đã làm hoặc bổ sung kế hoạch.",
                $"By the end of {period}, these lines have fewer activities than scheduled: {codes}. Please log what was done or amend the plan."),
            "/plan",
            new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
    }
}

public static class ScheduleMonthEndRemindersHandler
{
    /// <summary>
    /// Stores that the month is scheduled and schedules it, in one transaction (Wolverine's outbox): a second start,
    /// or a second replica, finds the document and schedules nothing (two at once: one insert loses and is retried).
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ScheduleMonthEndReminders message, IDocumentSession session, CancellationToken cancellation)
    {
        var province = session.ForTenant(message.Province);
        var id = MonthEndReminders.ScheduleId(message.Province, message.Year, message.Month);
        var messages = new OutgoingMessages();
        if (await province.LoadAsync<MonthEndReminderSchedule>(id, cancellation) is not null)
        {
            return messages;
        }

        var at = MonthEndReminders.DueAt(message.Year, message.Month);
        province.Insert(new MonthEndReminderSchedule(id, at));
        messages.Schedule(new RemindOverdueLines(message.Province, message.Year, message.Month), at);
        return messages;
    }
}

public static class RemindOverdueLinesHandler
{
    /// <summary>
    /// The province's progress as of the next month's first day (the month counts as past), one reminder per unit with
    /// overdue lines, and the next month scheduled.
    /// </summary>
    public static async Task<(Announce, ScheduleMonthEndReminders)> Handle(
        RemindOverdueLines message, OrganisationTree offices, ProgressReader progress, IDocumentSession session, CancellationToken cancellation)
    {
        var asOf = new DateOnly(message.Year, message.Month, 1).AddMonths(1);
        var next = new ScheduleMonthEndReminders(message.Province, asOf.Year, asOf.Month);
        var announce = new Announce();

        // The units that ran plans up to the month's last day, their figures as of the next day.
        if (await progress.ReadAsync(session, message.Province, message.Year, asOf, asOf.AddDays(-1), cancellation) is not { } inputs)
        {
            return (announce, next);
        }

        var report = inputs.Report(message.Province, message.Year, asOf);
        foreach (var unit in report.Districts.Where(d => d.OverdueLines > 0 && d.Status is DistrictPlans.DistrictPlanStatus.Approved or DistrictPlans.DistrictPlanStatus.Amending))
        {
            var office = offices.FindDistrict(unit.District)?.Office ?? unit.District;
            if (MonthEndReminders.For(unit, report.Lines, office, message.Year, message.Month) is { } reminder)
            {
                announce.Add(reminder, unit.District);
            }
        }

        return (announce, next);
    }
}

/// <summary>At start-up, the current month's reminder of every province is scheduled (once: see <see cref="ScheduleMonthEndRemindersHandler"/>).</summary>
public sealed partial class MonthEndReminderStartup(
    IServiceProvider services, OrganisationTree offices, TimeProvider clock, ILogger<MonthEndReminderStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var today = VietnamTime.Today(clock);
        foreach (var province in offices.Provinces)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                    .InvokeForTenantAsync(province.Id, new ScheduleMonthEndReminders(province.Id, today.Year, today.Month), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The service runs on; the next start schedules it (and every run of the reminder schedules the next month).
                NotScheduled(logger, e, province.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The month-end reminder of {Province} could not be scheduled at start-up")]
    private static partial void NotScheduled(ILogger logger, Exception exception, string province);
}
