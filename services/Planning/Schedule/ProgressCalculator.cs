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
    long PeopleReached,
    IReadOnlyList<PeriodProgress> Months,
    IReadOnlyList<PeriodProgress> Quarters,
    Cap? Cap,
    bool Overdue,
    bool OverCap,
    bool NeedsAgreement);

public sealed record AudienceProgress(string AudienceCode, int ExpectedYear, int ExpectedByNow, int Logged, long PeopleReached);

public sealed record DistrictProgress(
    string District,
    Guid PlanId,
    DistrictPlanStatus Status,
    int Revision,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    long PeopleReached,
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
    long PeopleReached,
    int Enrolled,
    IReadOnlyList<DistrictProgress> Districts,
    IReadOnlyList<AudienceProgress> Audiences,
    IReadOnlyList<LineProgress> Lines);

/// <summary>What a district logged for one plan line in one month: how many activities (or trainings) and the people they reached.</summary>
public sealed record MonthTally(string District, string PlanLineCode, int Month, int Logged, long PeopleReached);

/// <summary>
/// The facts received from Outreach and Partners that progress is measured with. <see cref="Activities"/>
/// are the tallies of the activities not voided, of the report's year up to its day: what
/// <see cref="ProgressCalculator.Tally"/> makes of the <see cref="LoggedActivity"/> documents, and what
/// the progress endpoint counts in PostgreSQL instead of loading them.
/// </summary>
public sealed record ProgressFacts(
    IReadOnlyList<MonthTally> Activities,
    IReadOnlyList<HeldTraining> Trainings,
    IReadOnlyList<KnownAgreement> Agreements,
    IReadOnlyList<ReceivedEnrolment> Enrolments,
    IReadOnlyList<KnownCommendation> Commendations);

/// <summary>
/// What the report needs of a district plan: its identity and status, its targets, and per line the code,
/// audience, frequency, coordination and target, without the catalogue's texts (a plan of the 43 catalogue
/// lines is some 44 kB of JSON, this about 9 kB).
/// </summary>
public sealed record ProgressPlan(
    Guid Id,
    string District,
    DistrictPlanStatus Status,
    int Revision,
    int PeopleReachedTarget,
    IReadOnlyList<EnrolmentTarget> EnrolmentTargets,
    IReadOnlyList<ProgressPlanLine> Lines)
{
    public static ProgressPlan Of(DistrictPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.Id, plan.District, plan.Status, plan.Revision, plan.PeopleReachedTarget, plan.EnrolmentTargets,
            plan.Lines.Select(l => new ProgressPlanLine(l.Line.Code, l.Line.AudienceCode, l.Line.Frequency, l.Line.Coordination, l.Target)).ToList());
    }
}

/// <summary>One line of a <see cref="ProgressPlan"/>: what <see cref="DistrictPlanLine"/> holds that the schedule needs.</summary>
public sealed record ProgressPlanLine(string Code, string AudienceCode, FrequencySpec Frequency, CoordinationKind Coordination, LineTarget? Target)
{
    public RuleInputs Inputs(int? agreedActivitiesPerYear) => DistrictPlanLine.InputsOf(Target, agreedActivitiesPerYear);
}

/// <summary>Expected versus logged, overdue, over cap and missing agreements (pure).</summary>
public static class ProgressCalculator
{
    /// <summary>Months fully past on <paramref name="asOf"/> within <paramref name="year"/>: what is due "by now".</summary>
    public static int MonthsPast(int year, DateOnly asOf) =>
        asOf.Year > year ? 12 : asOf.Year < year ? 0 : asOf.Month - 1;

    public static ProgressReport Report(string unit, int year, DateOnly asOf, IReadOnlyList<DistrictPlan> plans, ProgressFacts facts)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return Report(unit, year, asOf, plans.Select(ProgressPlan.Of).ToList(), facts);
    }

    public static ProgressReport Report(string unit, int year, DateOnly asOf, IReadOnlyList<ProgressPlan> plans, ProgressFacts facts)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(facts);

        // What counts for a line: its activities not voided and the trainings reported for it, in the year up to the day.
        var trainings = facts.Trainings
            .Where(t => t.PlanLineCode is not null)
            .Select(t => (t.District, PlanLineCode: t.PlanLineCode!, Day: t.HeldOn, People: t.Attendees));
        var logged = facts.Activities.Concat(TallyDays(trainings, year, asOf))
            .ToLookup(t => (t.District, t.PlanLineCode));
        var lines = plans.OrderBy(p => p.District, StringComparer.Ordinal)
            .SelectMany(p => p.Lines.Select(l => Line(p, l, year, asOf, facts, logged[(p.District, l.Code)].ToList())))
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

    /// <summary>
    /// The activities that count, tallied per district, plan line and month: not voided, in
    /// <paramref name="year"/>, on or before <paramref name="asOf"/>.
    /// </summary>
    public static IReadOnlyList<MonthTally> Tally(IEnumerable<LoggedActivity> activities, int year, DateOnly asOf) =>
        TallyDays(activities.Where(a => !a.Voided).Select(a => (a.District, a.PlanLineCode, Day: a.OccurredOn, People: a.PeopleReached)), year, asOf);

    private static List<MonthTally> TallyDays(
        IEnumerable<(string District, string PlanLineCode, DateOnly Day, int People)> facts, int year, DateOnly asOf) =>
        facts.Where(x => x.Day.Year == year && x.Day <= asOf)
            .GroupBy(x => (x.District, x.PlanLineCode, x.Day.Month))
            .Select(g => new MonthTally(g.Key.District, g.Key.PlanLineCode, g.Key.Month, g.Count(), g.Sum(x => (long)x.People)))
            .OrderBy(t => t.District, StringComparer.Ordinal)
            .ThenBy(t => t.PlanLineCode, StringComparer.Ordinal)
            .ThenBy(t => t.Month)
            .ToList();

    private static int Enrolled(ProgressFacts facts, string district, int year, DateOnly asOf) =>
        facts.Enrolments.Where(e => e.District == district && e.EnrolledOn.Year == year && e.EnrolledOn <= asOf).Sum(e => e.Count);

    private static LineProgress Line(ProgressPlan plan, ProgressPlanLine line, int year, DateOnly asOf, ProgressFacts facts, List<MonthTally> logged)
    {
        var agreements = facts.Agreements
            .Where(a => a.District == plan.District && a.Covers(line.Code, line.AudienceCode) && a.InForceOn(ClampToYear(asOf, year)))
            .ToList();
        var agreed = agreements.Any(a => a.ActivitiesPerYear is not null) ? agreements.Sum(a => a.ActivitiesPerYear ?? 0) : (int?)null;
        var schedule = FrequencyRules.Expect(line.Frequency, line.Inputs(agreed));

        var months = Enumerable.Range(1, 12)
            .Select(m => new PeriodProgress(m, schedule.Month(m), logged.Where(t => t.Month == m).Sum(t => t.Logged)))
            .ToList();
        var quarters = Enumerable.Range(1, 4)
            .Select(q => new PeriodProgress(q, schedule.Quarter(q), logged.Where(t => ((t.Month - 1) / 3) + 1 == q).Sum(t => t.Logged)))
            .ToList();
        var count = logged.Sum(t => t.Logged);
        var expectedByNow = schedule.Through(MonthsPast(year, asOf));
        var overCap = schedule.Cap is { } cap && logged
            .GroupBy(t => ExpectedSchedule.PeriodOf(cap.Period, t.Month))
            .Any(g => g.Sum(t => t.Logged) > cap.Max);

        return new LineProgress(
            plan.District, plan.Id, line.Code, line.AudienceCode, line.Frequency.Kind, schedule.Year, expectedByNow, count,
            logged.Sum(t => t.PeopleReached), months, quarters, schedule.Cap, count < expectedByNow, overCap,
            line.Coordination != CoordinationKind.None && agreements.Count == 0);
    }

    private static DateOnly ClampToYear(DateOnly asOf, int year) =>
        asOf.Year > year ? new DateOnly(year, 12, 31) : asOf.Year < year ? new DateOnly(year, 1, 1) : asOf;
}
