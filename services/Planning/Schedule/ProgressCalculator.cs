using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Progress;

namespace BhxhPlatform.Planning.Schedule;

public sealed record PeriodProgress(int Period, int Expected, int Logged);

/// <summary>Expected versus logged for one line of one district's plan.</summary>
public sealed record LineProgress(
    string District,
    Guid PlanId,
    string Code,
    string AudienceCode,
    FrequencyKind Frequency,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    int PeopleReached,
    IReadOnlyList<PeriodProgress> Months,
    IReadOnlyList<PeriodProgress> Quarters,
    Cap? Cap,
    bool Overdue,
    bool OverCap,
    bool NeedsAgreement);

public sealed record AudienceProgress(string AudienceCode, int ExpectedYear, int ExpectedByNow, int Logged, int PeopleReached);

public sealed record DistrictProgress(
    string District,
    Guid PlanId,
    DistrictPlanStatus Status,
    int Revision,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    int PeopleReached,
    int PeopleReachedTarget,
    int Enrolled,
    int EnrolmentTarget,
    int OverdueLines,
    int OverCapLines,
    int LinesWithoutAgreement);

/// <summary>The schedule and progress of a unit (a district, or a province over its districts) for a year, as of a day.</summary>
public sealed record ProgressReport(
    string Unit,
    int Year,
    DateOnly AsOf,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    int PeopleReached,
    int Enrolled,
    IReadOnlyList<DistrictProgress> Districts,
    IReadOnlyList<AudienceProgress> Audiences,
    IReadOnlyList<LineProgress> Lines);

/// <summary>The facts received from Outreach and Partners that progress is measured with.</summary>
public sealed record ProgressFacts(
    IReadOnlyList<LoggedActivity> Activities,
    IReadOnlyList<HeldTraining> Trainings,
    IReadOnlyList<KnownAgreement> Agreements,
    IReadOnlyList<ReceivedEnrolment> Enrolments);

/// <summary>Expected versus logged, overdue, over cap and missing agreements (pure).</summary>
public static class ProgressCalculator
{
    /// <summary>Months fully past on <paramref name="asOf"/> within <paramref name="year"/>: what is due "by now".</summary>
    public static int MonthsPast(int year, DateOnly asOf) =>
        asOf.Year > year ? 12 : asOf.Year < year ? 0 : asOf.Month - 1;

    public static ProgressReport Report(string unit, int year, DateOnly asOf, IReadOnlyList<DistrictPlan> plans, ProgressFacts facts)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(facts);
        var lines = plans.OrderBy(p => p.District, StringComparer.Ordinal)
            .SelectMany(p => p.Lines.Select(l => Line(p, l, year, asOf, facts)))
            .ToList();
        var districts = plans.OrderBy(p => p.District, StringComparer.Ordinal).Select(p =>
        {
            var mine = lines.Where(l => l.PlanId == p.Id).ToList();
            return new DistrictProgress(
                p.District, p.Id, p.Status, p.Revision, mine.Sum(l => l.ExpectedYear), mine.Sum(l => l.ExpectedByNow), mine.Sum(l => l.Logged),
                mine.Sum(l => l.PeopleReached), p.PeopleReachedTarget, Enrolled(facts, p.District, year, asOf),
                p.EnrolmentTargets.Sum(e => e.People), mine.Count(l => l.Overdue), mine.Count(l => l.OverCap), mine.Count(l => l.NeedsAgreement));
        }).ToList();
        var audiences = lines.GroupBy(l => l.AudienceCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AudienceProgress(g.Key, g.Sum(l => l.ExpectedYear), g.Sum(l => l.ExpectedByNow), g.Sum(l => l.Logged), g.Sum(l => l.PeopleReached)))
            .ToList();
        return new ProgressReport(
            unit, year, asOf, lines.Sum(l => l.ExpectedYear), lines.Sum(l => l.ExpectedByNow), lines.Sum(l => l.Logged),
            lines.Sum(l => l.PeopleReached), districts.Sum(d => d.Enrolled), districts, audiences, lines);
    }

    private static int Enrolled(ProgressFacts facts, string district, int year, DateOnly asOf) =>
        facts.Enrolments.Where(e => e.District == district && e.EnrolledOn.Year == year && e.EnrolledOn <= asOf).Sum(e => e.Count);

    private static LineProgress Line(DistrictPlan plan, DistrictPlanLine planLine, int year, DateOnly asOf, ProgressFacts facts)
    {
        var line = planLine.Line;
        var agreements = facts.Agreements
            .Where(a => a.District == plan.District && a.Covers(line.Code, line.AudienceCode) && a.InForceOn(ClampToYear(asOf, year)))
            .ToList();
        var agreed = agreements.Any(a => a.ActivitiesPerYear is not null) ? agreements.Sum(a => a.ActivitiesPerYear ?? 0) : (int?)null;
        var schedule = FrequencyRules.Expect(line.Frequency, planLine.Inputs(agreed));

        // Each logged fact as (day, people): activities not voided, and trainings reported for the line.
        var logged = facts.Activities
            .Where(a => a.District == plan.District && !a.Voided && a.PlanLineCode == line.Code)
            .Select(a => (Day: a.OccurredOn, People: a.PeopleReached))
            .Concat(facts.Trainings
                .Where(t => t.District == plan.District && t.PlanLineCode == line.Code)
                .Select(t => (Day: t.HeldOn, People: t.Attendees)))
            .Where(x => x.Day.Year == year && x.Day <= asOf)
            .ToList();

        var months = Enumerable.Range(1, 12)
            .Select(m => new PeriodProgress(m, schedule.Month(m), logged.Count(x => x.Day.Month == m)))
            .ToList();
        var quarters = Enumerable.Range(1, 4)
            .Select(q => new PeriodProgress(q, schedule.Quarter(q), logged.Count(x => ((x.Day.Month - 1) / 3) + 1 == q)))
            .ToList();
        var expectedByNow = schedule.Through(MonthsPast(year, asOf));
        var overCap = schedule.Cap is { } cap && logged
            .GroupBy(x => ExpectedSchedule.PeriodOf(cap.Period, x.Day.Month))
            .Any(g => g.Count() > cap.Max);

        return new LineProgress(
            plan.District, plan.Id, line.Code, line.AudienceCode, line.Frequency.Kind, schedule.Year, expectedByNow, logged.Count,
            logged.Sum(x => x.People), months, quarters, schedule.Cap, logged.Count < expectedByNow, overCap,
            line.Coordination != CoordinationKind.None && agreements.Count == 0);
    }

    private static DateOnly ClampToYear(DateOnly asOf, int year) =>
        asOf.Year > year ? new DateOnly(year, 12, 31) : asOf.Year < year ? new DateOnly(year, 1, 1) : asOf;
}
