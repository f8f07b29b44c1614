using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.DemoData;

namespace BhxhPlatform.DemoData.Tests;

public sealed class ActivityScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid PlanId = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Partner = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid OtherPartner = Guid.Parse("0193a000-0000-7000-8000-000000000003");

    /// <summary>One line per form, as the catalogue has them (3.9 is the ethnic-minority audience).</summary>
    private static readonly IReadOnlyList<DemoPlanLine> Lines =
    [
        .. Enum.GetValues<CommunicationForm>().Select((f, i) => new DemoPlanLine($"L.{i:D2}", f == CommunicationForm.Conference ? "3.9" : "3.1", f, FlexibleHours: i % 2 == 0)),
    ];

    private static readonly IReadOnlyList<DemoCommune> Communes =
        [new("bien-hoa.trang-dai", "Phường Trảng Dài"), new("bien-hoa.tan-phong", "Phường Tân Phong"), new("bien-hoa.long-hung", "Xã Long Hưng")];

    private static IReadOnlyList<ActivityToLog> Schedule(string unit = "bien-hoa", DateTimeOffset? now = null) =>
        ActivitySchedule.For(unit, "thành phố Biên Hòa", PlanId, Lines, Communes, [Partner, OtherPartner], "Cán bộ truyền thông", now ?? Now);

    [Fact]
    public void Every_line_gets_its_count_so_every_form_is_there()
    {
        var activities = Schedule();

        foreach (var line in Lines)
        {
            activities.Count(a => a.PlanLineCode == line.Code).ShouldBe(ActivitySchedule.CountFor(line.Form), line.Code);
        }

        activities.Select(a => a.Form).Distinct().Count().ShouldBe(Enum.GetValues<CommunicationForm>().Length);
        activities.ShouldAllBe(a => a.DistrictPlanId == PlanId && Lines.Any(l => l.Code == a.PlanLineCode && l.AudienceCode == a.AudienceCode && l.Form == a.Form));
    }

    [Fact]
    public void The_same_unit_and_day_give_the_same_activities_and_another_unit_others()
    {
        var first = JsonSerializer.Serialize(Schedule());
        var again = JsonSerializer.Serialize(Schedule());
        var elsewhere = JsonSerializer.Serialize(Schedule("long-thanh"));

        again.ShouldBe(first);
        elsewhere.ShouldNotBe(first);
    }

    [Fact]
    public void Activities_fall_in_the_three_months_before_now_and_end_before_it()
    {
        var (from, to) = ActivitySchedule.Window(Now);
        from.ShouldBe(new DateTimeOffset(2026, 9, 3, 0, 0, 0, TimeSpan.FromHours(7)));

        foreach (var activity in Schedule())
        {
            activity.StartedAt.ShouldBeGreaterThanOrEqualTo(from.AddDays(-1));
            activity.EndedAt.ShouldBeLessThanOrEqualTo(to);
            activity.EndedAt.ShouldBeGreaterThan(activity.StartedAt);
            activity.StartedAt.Offset.ShouldBe(TimeSpan.FromHours(7));
        }
    }

    [Fact]
    public void Early_in_the_year_the_window_starts_on_new_year_s_day()
    {
        var (from, _) = ActivitySchedule.Window(new DateTimeOffset(2027, 1, 20, 3, 0, 0, TimeSpan.Zero));

        from.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public void Lines_without_flexible_hours_stay_in_office_hours_on_weekdays()
    {
        foreach (var activity in Schedule().Where(a => !Lines.Single(l => l.Code == a.PlanLineCode).FlexibleHours))
        {
            activity.StartedAt.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            activity.StartedAt.Hour.ShouldBeInRange(7, 14);
            activity.EndedAt.Hour.ShouldBeLessThanOrEqualTo(17);
        }
    }

    [Fact]
    public void Each_form_carries_the_details_Outreach_asks_of_it_and_no_other()
    {
        foreach (var activity in Schedule())
        {
            (activity.Conference is not null).ShouldBe(activity.Form == CommunicationForm.Conference);
            (activity.Post is not null).ShouldBe(activity.Form == CommunicationForm.MassMedia);
            (activity.Campaign is not null).ShouldBe(activity.Form == CommunicationForm.SmsPhone);
            activity.Summary.ShouldNotBeNullOrWhiteSpace();
            activity.PeopleReached.ShouldBeGreaterThanOrEqualTo(0);
            if (activity.CommuneId is not null)
            {
                Communes.Select(c => c.Id).ShouldContain(activity.CommuneId);
            }

            switch (activity.Form)
            {
                case CommunicationForm.DirectContact:
                    activity.TeamMembers!.Count.ShouldBeInRange(2, 4);
                    activity.TeamMembers[0].ShouldBe("Cán bộ truyền thông");
                    break;
                case CommunicationForm.Conference:
                    activity.Conference!.Attendance.ShouldBeGreaterThan(0);
                    activity.Conference.EthnicLanguageSpeaker.ShouldBe(true, "a conference for audience 3.9 needs an ethnic-language speaker");
                    activity.PartnerIds.ShouldBe([Partner]);
                    break;
                case CommunicationForm.MassMedia:
                    activity.Post!.Link.ShouldStartWith("https://");
                    activity.Post.Reach.ShouldBeGreaterThan(0);
                    break;
                case CommunicationForm.SmsPhone:
                    activity.Campaign!.ContactsReached.ShouldBeLessThanOrEqualTo(activity.Campaign.ContactsAttempted);
                    activity.PeopleReached.ShouldBe(activity.Campaign.ContactsReached);
                    break;
            }
        }
    }

    [Fact]
    public void Names_and_phones_are_Vietnamese_and_seeded()
    {
        DemoNames.Seed("bien-hoa", "x").ShouldBe(DemoNames.Seed("bien-hoa", "x"));
        DemoNames.Seed("bien-hoa", "x").ShouldNotBe(DemoNames.Seed("long-thanh", "x"));

        var random = new Random(DemoNames.Seed("bien-hoa", "people"));
        for (var i = 0; i < 50; i++)
        {
            DemoNames.Phone(random).ShouldMatch("^0[389][0-9]{8}$");
            var name = DemoNames.Person(random);
            name.Split(' ').Length.ShouldBe(3);
            name.ShouldBe(name.Normalize(System.Text.NormalizationForm.FormC));
        }
    }
}
