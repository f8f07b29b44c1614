using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Planning.Tests.DistrictPlans.DistrictPlanTestData;

namespace BhxhPlatform.Planning.Tests.Schedule;

/// <summary>At a month's end each unit whose approved plan has lines behind schedule is told which; the next month is scheduled once.</summary>
[Collection(PlanningCollection.Name)]
public sealed class MonthEndReminderTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_unit_with_overdue_lines_at_the_months_end_is_told_which_and_the_next_month_is_scheduled()
    {
        var approved = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(approved);
        await fixture.Host.ApproveAsync(approved);
        await fixture.Host.AdoptedPlanAsync("long-thanh");

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(new RemindOverdueLines(Province, 2026, 11), Province);

        // The draft plan of Long Thành is nobody's schedule yet: only Biên Hòa is told.
        var sent = tracked.Sent.Envelopes().Where(e => e.Message is ReminderRaised).ToList();
        sent.ShouldAllBe(e => e.Destination!.ToString() == $"postgresql://{ServiceNames.Identity}/");
        var reminder = (ReminderRaised)sent.Select(e => e.Message!).Distinct().ShouldHaveSingleItem();
        reminder.Kind.ShouldBe(ReminderKinds.LinesOverdue);
        reminder.Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.DistrictOfficer));
        reminder.ReminderId.ShouldBe(ReminderIds.For(ReminderKinds.LinesOverdue, District, "11/2026"));
        reminder.DueOn.ShouldBe(new DateOnly(2026, 11, 30));
        reminder.PortalPath.ShouldBe("/plan");

        // The lines it names are those the progress API calls overdue on the next month's first day.
        var progress = await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{District}/progress/years/2026?asOf=2026-12-01");
        var overdue = progress.Lines.Where(l => l.Overdue).Select(l => l.Code).Order(StringComparer.Ordinal).ToList();
        overdue.ShouldNotBeEmpty();
        reminder.Subject.Vi.ShouldBe($"BHXH thành phố Biên Hòa: {overdue.Count} dòng kế hoạch chậm tiến độ cuối tháng 11/2026");
        reminder.Body.Vi.ShouldContain(string.Join(", ", overdue));

        await using var session = fixture.Store.QuerySession(Province);
        (await session.LoadAsync<MonthEndReminderSchedule>("dong-nai/2026-12")).ShouldNotBeNull().At.ShouldBe(MonthEndReminders.DueAt(2026, 12));
        tracked.Executed.MessagesOf<ScheduleMonthEndReminders>().ShouldBe([new ScheduleMonthEndReminders(Province, 2026, 12)]);
    }

    [Fact]
    public async Task A_month_is_scheduled_once_however_often_it_is_asked()
    {
        var first = await fixture.Host.InvokeMessageAndWaitAsync(new ScheduleMonthEndReminders(Province, 2030, 1), Province);
        var again = await fixture.Host.InvokeMessageAndWaitAsync(new ScheduleMonthEndReminders(Province, 2030, 1), Province);

        first.Scheduled.MessagesOf<RemindOverdueLines>().ShouldBe([new RemindOverdueLines(Province, 2030, 1)]);
        first.Scheduled.Envelopes().Single().ScheduledTime.ShouldBe(new DateTimeOffset(2030, 2, 1, 7, 0, 0, TimeSpan.FromHours(7)));
        again.Scheduled.MessagesOf<RemindOverdueLines>().ShouldBeEmpty();
    }
}
