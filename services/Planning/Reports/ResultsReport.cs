using System.Globalization;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Schedule;

namespace BhxhPlatform.Planning.Reports;

/// <summary>Who issues a report: the unit, its name on the report's day, the two bodies of the header and the place of the date line.</summary>
public sealed record ReportIssuer(string Unit, string Name, bool Province, string SuperiorBody, string IssuingBody, string Place)
{
    /// <summary>The issuer of <paramref name="unit"/>'s report on <paramref name="day"/>; null when the unit is not in the tree.</summary>
    public static ReportIssuer? Of(UnitTree tree, OrganisationTree organisation, string unit, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(organisation);
        if (tree.Find(unit) is not { } found || tree.Find(tree.Province) is not { } provinceOffice)
        {
            return null;
        }

        var provinceName = organisation.FindProvince(tree.Province)?.Name ?? provinceOffice.NameOn(day);
        var isProvince = found.Kind == UnitKind.ProvincialOffice;
        return new ReportIssuer(
            unit,
            found.NameOn(day),
            isProvince,
            isProvince ? "BẢO HIỂM XÃ HỘI VIỆT NAM" : ResultsReport.BodyName(provinceOffice.NameOn(day)),
            ResultsReport.BodyName(found.NameOn(day)),
            isProvince ? provinceName : PlaceOf(organisation.FindDistrict(unit)?.Name) ?? provinceName);
    }

    /// <summary>"Thành phố Biên Hòa" → "Biên Hòa": the place name of a date line is the locality without its kind.</summary>
    private static string? PlaceOf(string? district)
    {
        if (district is null)
        {
            return null;
        }

        foreach (var kind in (string[])["Thành phố ", "Thị xã ", "Huyện ", "Quận "])
        {
            if (district.StartsWith(kind, StringComparison.Ordinal))
            {
                return district[kind.Length..];
            }
        }

        return district;
    }
}

/// <summary>A target against what was achieved, with the share achieved (null when there was no target).</summary>
public interface IAchievement
{
    int Target { get; }

    int Achieved { get; }
}

/// <summary>
/// The report's totals. <see cref="Target"/> and <see cref="Achieved"/> are activities in the period (expected
/// by the plans' schedules for the period's months, and logged, trainings included); the year figures are
/// the year to the report's end day; people reached and enrolments are those of the period.
/// </summary>
public sealed record ReportTotals(
    int Units,
    int ApprovedPlans,
    int Target,
    int Achieved,
    int ExpectedYear,
    int AchievedYear,
    long PeopleReached,
    long PeopleReachedYear,
    int PeopleReachedTarget,
    int Enrolled,
    int EnrolledYear,
    int EnrolmentTarget,
    int LinesBehind) : IAchievement
{
    public decimal? Percent => ResultsReport.PercentOf(Achieved, Target);
}

/// <summary>One unit of a province report (or the unit itself): its plan's status and its figures for the period.</summary>
public sealed record ReportUnit(
    string Unit, string Name, DistrictPlanStatus Status, int Target, int Achieved, long PeopleReached, int Enrolled, int LinesBehind) : IAchievement
{
    public decimal? Percent => ResultsReport.PercentOf(Achieved, Target);
}

/// <summary>One audience group: its plan lines' figures for the period, over the report's units.</summary>
public sealed record ReportAudience(string Code, string Name, int Target, int Achieved, long PeopleReached) : IAchievement
{
    public decimal? Percent => ResultsReport.PercentOf(Achieved, Target);
}

/// <summary>One plan line over the report's units (<see cref="Units"/> of them have it; <see cref="UnitsBehind"/> are behind schedule).</summary>
public sealed record ReportLine(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    int Units,
    int Target,
    int Achieved,
    int ExpectedYear,
    int AchievedYear,
    long PeopleReached,
    int UnitsBehind) : IAchievement
{
    public decimal? Percent => ResultsReport.PercentOf(Achieved, Target);
}

/// <summary>One month of the year, January to the period's last month: activities due by the plans' schedules and logged to the end day (trainings included), over the report's units.</summary>
public sealed record ReportMonth(int Month, int Target, int Achieved) : IAchievement
{
    public decimal? Percent => ResultsReport.PercentOf(Achieved, Target);
}

/// <summary>People enrolled in one scheme, in the period and in the year to the end day, over the report's units.</summary>
public sealed record ReportScheme(string Scheme, string Name, int Enrolled, int EnrolledYear);

/// <summary>Agreements of one kind: in force on the end day, begun in the period, ended or expired in it, ending within 30 days of the end day.</summary>
public sealed record ReportAgreements(string Kind, string Name, int InForce, int Started, int Ended, int EndingSoon);

/// <summary>Trainings and refresher conferences held, in the period and in the year to the end day, and who attended.</summary>
public sealed record ReportTrainings(int Held, int Attendees, int HeldYear, int AttendeesYear);

/// <summary>Commendations awarded ("biểu dương, khen thưởng") and not withdrawn, of partner organisations and of persons, in the period and in the year to the end day.</summary>
public sealed record ReportCommendations(int Collectives, int Persons, int CollectivesYear, int PersonsYear);

/// <summary>
/// "Báo cáo kết quả thực hiện kế hoạch truyền thông" of a unit, or of a province over its units, for a period,
/// as of a day. Its figures are the progress endpoint's (<see cref="ProgressCalculator"/>): the state at the end
/// day (<see cref="End"/>: the as-of day, or the period's last day when that is earlier) less the state on the
/// day before the period began.
/// </summary>
public sealed record ResultsReport(
    ReportIssuer Issuer,
    int Year,
    string Period,
    string PeriodText,
    DateOnly FirstDay,
    DateOnly LastDay,
    DateOnly AsOf,
    DateOnly End,
    ReportTotals Totals,
    IReadOnlyList<ReportUnit> Units,
    IReadOnlyList<ReportAudience> Audiences,
    IReadOnlyList<ReportLine> Lines,
    IReadOnlyList<ReportMonth> Months,
    IReadOnlyList<ReportScheme> Schemes,
    IReadOnlyList<ReportAgreements> Agreements,
    ReportTrainings Trainings,
    ReportCommendations Commendations)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public string Title => $"Kết quả thực hiện kế hoạch truyền thông {PeriodText}";

    /// <summary>The day the figures stand at: the as-of day, or the period's last day when the period is over.</summary>
    public static DateOnly EndOf(ReportPeriod period, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(period);
        return asOf < period.LastDay ? asOf : period.LastDay;
    }

    /// <summary>
    /// The report from the plans and the facts read for the year up to <see cref="EndOf"/> (as the progress
    /// endpoint reads them for that day). The state before the period is the same calculation on the day
    /// before it began, over the tallies of the months before it: the tallies are kept per month and a
    /// period is whole months, so nothing logged in the period counts before it.
    /// </summary>
    public static ResultsReport Build(
        ReportIssuer issuer,
        ReportPeriod period,
        DateOnly asOf,
        IReadOnlyList<ProgressPlan> plans,
        ProgressFacts facts,
        PlanCatalogue catalogue,
        Func<string, string> unitName)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(unitName);

        var end = EndOf(period, asOf);
        var dayBefore = period.FirstDay.AddDays(-1);
        var atEnd = ProgressCalculator.Report(issuer.Unit, period.Year, end, plans, facts);
        var before = ProgressCalculator.Report(
            issuer.Unit, period.Year, dayBefore, plans,
            facts with { Activities = [.. facts.Activities.Where(t => t.Month < period.FirstMonth)] });

        var previous = before.Lines.DistinctBy(l => (l.PlanId, l.Code)).ToDictionary(l => (l.PlanId, l.Code));
        var lines = atEnd.Lines.Select(l =>
        {
            var then = previous.GetValueOrDefault((l.PlanId, l.Code));
            return (Progress: l,
                Target: l.Months.Where(m => period.CoversMonth(m.Period)).Sum(m => m.Expected),
                Achieved: l.Logged - (then?.Logged ?? 0),
                People: l.PeopleReached - (then?.PeopleReached ?? 0));
        }).ToList();

        var previousUnits = before.Districts.ToDictionary(d => d.PlanId);
        var units = atEnd.Districts.Select(d =>
        {
            var mine = lines.Where(l => l.Progress.PlanId == d.PlanId).ToList();
            return new ReportUnit(
                d.District, unitName(d.District), d.Status, mine.Sum(l => l.Target), mine.Sum(l => l.Achieved), mine.Sum(l => l.People),
                d.Enrolled - (previousUnits.GetValueOrDefault(d.PlanId)?.Enrolled ?? 0), d.OverdueLines);
        }).ToList();

        var audiences = lines.GroupBy(l => l.Progress.AudienceCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportAudience(
                g.Key, catalogue.Audiences.FirstOrDefault(a => a.Code == g.Key)?.Name ?? g.Key,
                g.Sum(l => l.Target), g.Sum(l => l.Achieved), g.Sum(l => l.People)))
            .ToList();

        var planLines = lines.GroupBy(l => l.Progress.Code)
            .OrderBy(g => g.Key, CodeOrder.Instance)
            .Select(g =>
            {
                var known = catalogue.FindLine(g.Key);
                return new ReportLine(
                    g.Key, g.First().Progress.AudienceCode, known?.Subject ?? "", known?.Form ?? g.Key, g.Count(),
                    g.Sum(l => l.Target), g.Sum(l => l.Achieved), g.Sum(l => l.Progress.ExpectedYear), g.Sum(l => l.Progress.Logged),
                    g.Sum(l => l.People), g.Count(l => l.Progress.Overdue));
            })
            .ToList();

        var totals = new ReportTotals(
            units.Count,
            units.Count(u => u.Status == DistrictPlanStatus.Approved),
            lines.Sum(l => l.Target),
            lines.Sum(l => l.Achieved),
            atEnd.ExpectedYear,
            atEnd.Logged,
            lines.Sum(l => l.People),
            atEnd.PeopleReached,
            atEnd.Districts.Sum(d => d.PeopleReachedTarget),
            units.Sum(u => u.Enrolled),
            atEnd.Enrolled,
            atEnd.Districts.Sum(d => d.EnrolmentTarget),
            planLines.Count(l => l.UnitsBehind > 0));

        var districts = atEnd.Districts.Select(d => d.District).ToHashSet(StringComparer.Ordinal);
        var months = Enumerable.Range(1, period.LastDay.Month)
            .Select(m => (Month: m, OfLines: atEnd.Lines.Select(l => l.Months.Single(x => x.Period == m)).ToList()))
            .Select(m => new ReportMonth(m.Month, m.OfLines.Sum(x => x.Expected), m.OfLines.Sum(x => x.Logged)))
            .ToList();
        var enrolments = facts.Enrolments.Where(e => districts.Contains(e.District) && e.EnrolledOn.Year == period.Year && e.EnrolledOn <= end).ToList();
        var schemes = enrolments.GroupBy(e => e.Scheme)
            .OrderBy(g => Array.IndexOf(SchemeOrder, g.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportScheme(g.Key, SchemeName(g.Key), g.Where(e => e.EnrolledOn >= period.FirstDay).Sum(e => e.Count), g.Sum(e => e.Count)))
            .ToList();
        var agreements = facts.Agreements.Where(a => districts.Contains(a.District))
            .GroupBy(a => a.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportAgreements(
                g.Key, AgreementKindName(g.Key),
                g.Count(a => a.InForceOn(end)),
                g.Count(a => a.StartsOn >= period.FirstDay && a.StartsOn <= end),
                g.Count(a => a.EndedOn is { } ended ? ended >= period.FirstDay && ended <= end : a.EndsOn >= period.FirstDay && a.EndsOn < end),
                g.Count(a => a.InForceOn(end) && a.EndsOn <= end.AddDays(30) && a.EndedOn is null)))
            .ToList();
        var held = facts.Trainings.Where(t => districts.Contains(t.District) && t.HeldOn.Year == period.Year && t.HeldOn <= end).ToList();
        var inPeriod = held.Where(t => t.HeldOn >= period.FirstDay).ToList();
        var trainings = new ReportTrainings(inPeriod.Count, inPeriod.Sum(t => t.Attendees), held.Count, held.Sum(t => t.Attendees));
        var awarded = facts.Commendations
            .Where(c => c.Counts && districts.Contains(c.District) && c.AwardedOn.Year == period.Year && c.AwardedOn <= end).ToList();
        var awardedInPeriod = awarded.Where(c => c.AwardedOn >= period.FirstDay).ToList();
        var commendations = new ReportCommendations(
            awardedInPeriod.Count(c => c.PartnerId is not null), awardedInPeriod.Count(c => c.PartnerId is null),
            awarded.Count(c => c.PartnerId is not null), awarded.Count(c => c.PartnerId is null));

        return new ResultsReport(
            issuer, period.Year, period.Code, period.Vietnamese, period.FirstDay, period.LastDay, asOf, end, totals, units, audiences, planLines,
            months, schemes, agreements, trainings, commendations);
    }

    private static readonly string[] SchemeOrder = ["VoluntarySocialInsurance", "HouseholdHealthInsurance", "StudentHealthInsurance", "SponsoredCard"];

    /// <summary>A scheme's name as the report writes it.</summary>
    public static string SchemeName(string scheme) => scheme switch
    {
        "VoluntarySocialInsurance" => "BHXH tự nguyện",
        "HouseholdHealthInsurance" => "BHYT hộ gia đình",
        "StudentHealthInsurance" => "BHYT học sinh, sinh viên",
        "SponsoredCard" => "Thẻ BHYT, sổ BHXH được tặng",
        _ => scheme,
    };

    /// <summary>An agreement kind's name as the report writes it.</summary>
    public static string AgreementKindName(string kind) => kind switch
    {
        "Programme" => "Chương trình phối hợp",
        "Contract" => "Hợp đồng",
        _ => kind,
    };

    /// <summary>The share achieved, in percent with one decimal; null when nothing was expected.</summary>
    public static decimal? PercentOf(long achieved, long target) =>
        target == 0 ? null : Math.Round(100m * achieved / target, 1, MidpointRounding.AwayFromZero);

    /// <summary>"BHXH tỉnh Đồng Nai" → "BẢO HIỂM XÃ HỘI TỈNH ĐỒNG NAI": a body's name as a document header writes it, in full and in capitals.</summary>
    public static string BodyName(string office)
    {
        ArgumentNullException.ThrowIfNull(office);
        var full = office.StartsWith("BHXH ", StringComparison.Ordinal) ? "Bảo hiểm xã hội " + office[5..] : office;
        return full.ToUpper(Vi);
    }

    /// <summary>
    /// "Đồng Nai, ngày 30 tháng 11 năm 2026". Decree 30/2020/NĐ-CP writes a day below 10 and the months
    /// January and February with a leading zero ("ngày 05 tháng 02 năm 2026").
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly day) =>
        $"{place}, ngày {day.Day.ToString(day.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture)} tháng " +
        $"{day.Month.ToString(day.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)} năm {day.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A whole number as Vietnamese writes it: 12.345.</summary>
    public static string Number(long value) => value.ToString("N0", Vi);

    /// <summary>A percentage as Vietnamese writes it (87,5%), or a dash when there was no target.</summary>
    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.#", Vi) + "%" : "-";

    /// <summary>The downloads' file name without its extension: bao-cao-ket-qua-bien-hoa-2026-m11.</summary>
    public string FileStem => $"bao-cao-ket-qua-{Issuer.Unit}-{Year.ToString(CultureInfo.InvariantCulture)}-{Period}";

    /// <summary>The lines that some unit is behind on as of the end day, as the progress endpoint flags them overdue.</summary>
    public IReadOnlyList<ReportLine> LinesBehind() => [.. Lines.Where(l => l.UnitsBehind > 0)];

    public static string StatusText(DistrictPlanStatus status) => status switch
    {
        DistrictPlanStatus.Draft => "Dự thảo",
        DistrictPlanStatus.Submitted => "Đã trình duyệt",
        DistrictPlanStatus.Returned => "Bị trả lại",
        DistrictPlanStatus.Approved => "Đã phê duyệt",
        DistrictPlanStatus.Amending => "Đang điều chỉnh",
        DistrictPlanStatus.Closed => "Đã kết thúc",
        _ => status.ToString(),
    };

    /// <summary>The table of units (section II), as both the Word and the Excel report show it, with a total row.</summary>
    public ReportTable UnitTable() => new(
        "Kết quả theo đơn vị",
        ["Mã đơn vị", "Đơn vị", "Kế hoạch", "Số hoạt động kế hoạch trong kỳ", "Số hoạt động đã thực hiện", "Tỷ lệ (%)", "Lượt người được tiếp cận", "Người tham gia mới", "Số dòng chậm tiến độ"],
        [.. Units.Select(u => (IReadOnlyList<ReportCell>)[
            u.Unit, u.Name, StatusText(u.Status), u.Target, u.Achieved, ReportCell.PercentOf(u), u.PeopleReached, u.Enrolled, u.LinesBehind]),
        ["", "Tổng cộng", "", Totals.Target, Totals.Achieved, ReportCell.PercentOf(Totals), Totals.PeopleReached, Totals.Enrolled, Units.Sum(u => u.LinesBehind)]]);

    /// <summary>The table of audience groups (section III).</summary>
    public ReportTable AudienceTable() => new(
        "Kết quả theo nhóm đối tượng",
        ["Mã nhóm", "Nhóm đối tượng", "Số hoạt động kế hoạch trong kỳ", "Số hoạt động đã thực hiện", "Tỷ lệ (%)", "Lượt người được tiếp cận"],
        [.. Audiences.Select(a => (IReadOnlyList<ReportCell>)[a.Code, a.Name, a.Target, a.Achieved, ReportCell.PercentOf(a), a.PeopleReached]),
        ["", "Tổng cộng", Totals.Target, Totals.Achieved, ReportCell.PercentOf(Totals), Totals.PeopleReached]]);

    /// <summary>The table of plan lines (section IV).</summary>
    public ReportTable LineTable() => new(
        "Kết quả theo dòng kế hoạch",
        ["Mã dòng", "Hình thức truyền thông", "Số đơn vị", "Kế hoạch trong kỳ", "Thực hiện trong kỳ", "Tỷ lệ (%)", "Kế hoạch năm", "Lũy kế năm", "Lượt người được tiếp cận", "Số đơn vị chậm tiến độ"],
        [.. Lines.Select(l => (IReadOnlyList<ReportCell>)[
            l.Code, l.Form, l.Units, l.Target, l.Achieved, ReportCell.PercentOf(l), l.ExpectedYear, l.AchievedYear, l.PeopleReached, l.UnitsBehind]),
        ["", "Tổng cộng", "", Totals.Target, Totals.Achieved, ReportCell.PercentOf(Totals), Totals.ExpectedYear, Totals.AchievedYear, Totals.PeopleReached, Lines.Sum(l => l.UnitsBehind)]]);

    /// <summary>The table of months (section V): January to the period's last month, due and done, over the report's units; the period's months add up to its totals.</summary>
    public ReportTable MonthTable() => new(
        "Kết quả theo tháng",
        ["Tháng", "Số hoạt động kế hoạch", "Số hoạt động đã thực hiện", "Tỷ lệ (%)"],
        [.. Months.Select(m => (IReadOnlyList<ReportCell>)[$"Tháng {m.Month.ToString(CultureInfo.InvariantCulture)}", m.Target, m.Achieved, ReportCell.PercentOf(m)]),
        ["Tổng cộng", Months.Sum(m => m.Target), Months.Sum(m => m.Achieved),
            new ReportCell(null, PercentOf(Months.Sum(m => m.Achieved), Months.Sum(m => m.Target)), true)]]);

    /// <summary>The table of enrolments by scheme (section VI.1).</summary>
    public ReportTable SchemeTable() => new(
        "Người tham gia mới theo loại hình",
        ["Loại hình", "Trong kỳ", "Lũy kế năm"],
        [.. Schemes.Select(s => (IReadOnlyList<ReportCell>)[s.Name, s.Enrolled, s.EnrolledYear]),
        ["Tổng cộng", Schemes.Sum(s => s.Enrolled), Schemes.Sum(s => s.EnrolledYear)]]);

    /// <summary>The table of agreements by kind (section VI.2).</summary>
    public ReportTable AgreementTable() => new(
        "Chương trình, hợp đồng phối hợp",
        ["Loại", "Đang hiệu lực", "Ký mới trong kỳ", "Kết thúc trong kỳ", "Hết hạn trong 30 ngày tới"],
        [.. Agreements.Select(a => (IReadOnlyList<ReportCell>)[a.Name, a.InForce, a.Started, a.Ended, a.EndingSoon]),
        ["Tổng cộng", Agreements.Sum(a => a.InForce), Agreements.Sum(a => a.Started), Agreements.Sum(a => a.Ended), Agreements.Sum(a => a.EndingSoon)]]);

    /// <summary>The table of trainings (section VI.3), without a total row of its own.</summary>
    public ReportTable TrainingTable() => new(
        "Tập huấn, hội nghị",
        ["Nội dung", "Trong kỳ", "Lũy kế năm"],
        [["Số lớp tập huấn, hội nghị", Trainings.Held, Trainings.HeldYear], ["Số lượt người tham dự", Trainings.Attendees, Trainings.AttendeesYear]]);

    /// <summary>The table of commendations (section VI.4): partner organisations and persons commended.</summary>
    public ReportTable CommendationTable() => new(
        "Biểu dương, khen thưởng",
        ["Đối tượng được khen thưởng", "Trong kỳ", "Lũy kế năm"],
        [["Tập thể", Commendations.Collectives, Commendations.CollectivesYear], ["Cá nhân", Commendations.Persons, Commendations.PersonsYear],
        ["Tổng cộng", Commendations.Collectives + Commendations.Persons, Commendations.CollectivesYear + Commendations.PersonsYear]]);

    /// <summary>Plan line codes in their numeric order: 1.02 before 1.10, 3.1.01 after 2.05.</summary>
    internal sealed class CodeOrder : IComparer<string>
    {
        public static readonly CodeOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var byNumber = int.TryParse(a[i], CultureInfo.InvariantCulture, out var m) && int.TryParse(b[i], CultureInfo.InvariantCulture, out var n)
                    ? m.CompareTo(n)
                    : string.CompareOrdinal(a[i], b[i]);
                if (byNumber != 0)
                {
                    return byNumber;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}

/// <summary>One cell of a report table: text, a whole number, or a percentage (empty when there was no target).</summary>
public sealed record ReportCell(string? Text, decimal? Number, bool IsPercent = false)
{
    public static implicit operator ReportCell(string text) => new(text, null);

    public static implicit operator ReportCell(long number) => new(null, number);

    public static ReportCell PercentOf(IAchievement achievement)
    {
        ArgumentNullException.ThrowIfNull(achievement);
        return new(null, ResultsReport.PercentOf(achievement.Achieved, achievement.Target), true);
    }

    /// <summary>As the Word report prints it: 12.345, 87,5 (under a "Tỷ lệ (%)" header), or a dash for a percentage without a target.</summary>
    public string Display => Text ?? (IsPercent ? ResultsReport.Percent(Number).TrimEnd('%') : ResultsReport.Number((long)(Number ?? 0)));
}

/// <summary>A table of the report: its title, its column headers and its rows (the last one a total).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);
