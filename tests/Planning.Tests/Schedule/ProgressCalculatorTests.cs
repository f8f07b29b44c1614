using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.Planning.Schedule;

namespace BhxhPlatform.Planning.Tests.Schedule;

public sealed class ProgressCalculatorTests
{
    private const string District = "bien-hoa";
    private static readonly DateOnly AsOf = new(2026, 7, 15);

    private static DistrictPlan Plan(params LineTarget[] targets) =>
        DistrictPlan.Create(new DistrictPlanAdopted(Guid.NewGuid(), District, 2026, Guid.NewGuid(), 1, PlanCatalogue.Load().Lines))
            .Apply(new DistrictPlanTargetsSet(Guid.Empty, targets, 0, []));

    private static LoggedActivity Activity(string line, DateOnly on, bool voided = false, string district = District) =>
        new(Guid.NewGuid(), district, Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, on, 10, [], 0, voided, null);

    private static HeldTraining Training(DateOnly on) => new(Guid.NewGuid(), District, null, on, 20, "6.01");

    private static KnownAgreement Agreement(string line, int? perYear, DateOnly? endedOn = null) =>
        new(Guid.NewGuid(), District, "Programme", [], [line], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), perYear, endedOn);

    private static LineProgress LineOf(ProgressReport report, string code) => report.Lines.Single(l => l.Code == code);

    private static ProgressReport Report(DistrictPlan plan, IReadOnlyList<LoggedActivity>? activities = null, IReadOnlyList<HeldTraining>? trainings = null,
        IReadOnlyList<KnownAgreement>? agreements = null, IReadOnlyList<ReceivedEnrolment>? enrolments = null) =>
        ProgressCalculator.Report(
            District, 2026, AsOf, [plan], new ProgressFacts(ProgressCalculator.Tally(activities ?? [], 2026, AsOf), trainings ?? [], agreements ?? [], enrolments ?? [], []));

    [Fact]
    public void Expected_by_now_counts_the_months_fully_past()
    {
        ProgressCalculator.MonthsPast(2026, AsOf).ShouldBe(6);
        ProgressCalculator.MonthsPast(2025, AsOf).ShouldBe(12);
        ProgressCalculator.MonthsPast(2027, AsOf).ShouldBe(0);

        var line = LineOf(Report(Plan()), "1.02");
        line.ExpectedYear.ShouldBe(12);
        line.ExpectedByNow.ShouldBe(6);
    }

    [Fact]
    public void A_line_behind_its_schedule_is_overdue_and_voided_activities_do_not_count()
    {
        var plan = Plan(new LineTarget("3.1.01", 12, null, null));
        var activities = Enumerable.Range(1, 5).Select(m => Activity("3.1.01", new DateOnly(2026, m, 10)))
            .Append(Activity("3.1.01", new DateOnly(2026, 6, 10), voided: true))
            .Append(Activity("3.1.01", new DateOnly(2026, 8, 10)))
            .ToList();

        var line = LineOf(Report(plan, activities), "3.1.01");

        line.ExpectedByNow.ShouldBe(6);
        line.Logged.ShouldBe(5);
        line.Overdue.ShouldBeTrue();
        line.PeopleReached.ShouldBe(50);
        line.Months[5].ShouldBe(new PeriodProgress(6, 1, 0));
        line.Months[7].ShouldBe(new PeriodProgress(8, 1, 0));
        line.Quarters.ShouldBe([new PeriodProgress(1, 3, 3), new PeriodProgress(2, 3, 2), new PeriodProgress(3, 3, 0), new PeriodProgress(4, 3, 0)]);
    }

    [Fact]
    public void More_than_three_trainings_a_quarter_is_over_the_cap()
    {
        var trainings = Enumerable.Range(1, 4).Select(d => Training(new DateOnly(2026, 2, d))).ToList();

        var line = LineOf(Report(Plan(), trainings: trainings), "6.01");

        line.Cap.ShouldBe(new Cap(PeriodKind.Quarter, 3));
        line.Logged.ShouldBe(4);
        line.OverCap.ShouldBeTrue();
        LineOf(Report(Plan(), trainings: trainings.Take(3).ToList()), "6.01").OverCap.ShouldBeFalse();
    }

    [Fact]
    public void A_line_that_needs_an_agreement_is_flagged_until_one_is_in_force()
    {
        Report(Plan()).Lines.Where(l => l.NeedsAgreement).Select(l => l.Code)
            .ShouldBe(["2.01", "2.03", "2.05", "3.1.03", "3.3.02", "3.4.03", "4.1.02", "4.2.01", "5.01"], ignoreOrder: true);

        LineOf(Report(Plan(), agreements: [Agreement("2.01", 12)]), "2.01").NeedsAgreement.ShouldBeFalse();
        LineOf(Report(Plan(), agreements: [Agreement("2.01", 12, endedOn: new DateOnly(2026, 3, 1))]), "2.01").NeedsAgreement.ShouldBeTrue();
    }

    [Fact]
    public void Per_agreement_lines_expect_what_the_agreements_commit_to()
    {
        var line = LineOf(Report(Plan(), agreements: [Agreement("2.01", 12), Agreement("2.01", 6)]), "2.01");

        line.ExpectedYear.ShouldBe(18);
        line.ExpectedByNow.ShouldBe(9);
    }

    [Fact]
    public void Districts_and_audiences_sum_their_lines_and_enrolments_count_up_to_the_day()
    {
        var enrolments = new List<ReceivedEnrolment>
        {
            new(Guid.NewGuid(), District, "VoluntarySocialInsurance", 3, new DateOnly(2026, 5, 1), null, null, null),
            new(Guid.NewGuid(), District, "VoluntarySocialInsurance", 7, new DateOnly(2026, 9, 1), null, null, null),
        };

        var report = Report(Plan(), [Activity("1.02", new DateOnly(2026, 1, 5)), Activity("1.02", new DateOnly(2026, 1, 6), district: "long-khanh")], enrolments: enrolments);

        report.Districts.ShouldHaveSingleItem().Logged.ShouldBe(1);
        report.Districts[0].Enrolled.ShouldBe(3);
        report.Audiences.Single(a => a.AudienceCode == "1").Logged.ShouldBe(1);
        report.Logged.ShouldBe(1);
        report.ExpectedYear.ShouldBe(report.Lines.Sum(l => l.ExpectedYear));
    }

    [Fact]
    public void Activities_are_tallied_per_district_line_and_month_of_the_year_up_to_the_day()
    {
        var activities = new[]
        {
            Activity("3.1.01", new DateOnly(2026, 3, 2)),
            Activity("3.1.01", new DateOnly(2026, 3, 30)) with { PeopleReached = 25 },
            Activity("3.1.01", new DateOnly(2026, 3, 12), voided: true),
            Activity("3.1.01", new DateOnly(2026, 7, 15)),
            Activity("3.1.01", new DateOnly(2026, 7, 16)),
            Activity("3.1.01", new DateOnly(2025, 3, 2)),
            Activity("1.02", new DateOnly(2026, 3, 2)),
            Activity("3.1.01", new DateOnly(2026, 3, 2), district: "long-khanh"),
        };

        ProgressCalculator.Tally(activities, 2026, AsOf).ShouldBe(
        [
            new MonthTally(District, "1.02", 3, 1, 10),
            new MonthTally(District, "3.1.01", 3, 2, 35),
            new MonthTally(District, "3.1.01", 7, 1, 10),
            new MonthTally("long-khanh", "3.1.01", 3, 1, 10),
        ]);
        ProgressCalculator.Tally(activities, 2025, AsOf).ShouldBe([new MonthTally(District, "3.1.01", 3, 1, 10)]);
        ProgressCalculator.Tally(activities, 2027, AsOf).ShouldBeEmpty();
    }
}
