using BhxhPlatform.Planning.Catalogue;

namespace BhxhPlatform.Planning.Schedule;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>The most activities a rule allows in one period (e.g. 3 trainings a quarter per organisation).</summary>
public sealed record Cap(PeriodKind Period, int Max);

/// <summary>What the district plan says that a rule needs: counts the catalogue leaves to the plan.</summary>
/// <param name="TargetCount">Activities for the year set by the plan (PerPlan, PerInspectionPlan, PerHostCalendar; overrides the agreements for PerAgreement).</param>
/// <param name="CadenceMonths">One activity every this many months for a Regular line (default monthly).</param>
/// <param name="Organisations">How many organisations a per-organisation rule applies to.</param>
/// <param name="AgreedActivitiesPerYear">The activities per year the signed agreements commit to.</param>
public sealed record RuleInputs(int? TargetCount = null, int? CadenceMonths = null, int Organisations = 1, int? AgreedActivitiesPerYear = null);

/// <summary>The activities a rule expects in each month of a year, and its cap when it has one.</summary>
public sealed record ExpectedSchedule(IReadOnlyList<int> PerMonth, Cap? Cap)
{
    public int Month(int month) => PerMonth[month - 1];

    public int Quarter(int quarter) => PerMonth.Skip((quarter - 1) * 3).Take(3).Sum();

    public int Year => PerMonth.Sum();

    /// <summary>Expected through the end of <paramref name="month"/> (0 = nothing yet, 12 = the whole year).</summary>
    public int Through(int month) => PerMonth.Take(Math.Clamp(month, 0, 12)).Sum();

    /// <summary>The number of the period of kind <paramref name="period"/> that holds <paramref name="month"/> (month, quarter 1–4, or 1 for the year).</summary>
    public static int PeriodOf(PeriodKind period, int month) => period switch
    {
        PeriodKind.Month => month,
        PeriodKind.Quarter => ((month - 1) / 3) + 1,
        _ => 1,
    };
}

/// <summary>Frequency rules as data: each kind turns into expected counts per month, quarter and year.</summary>
public static class FrequencyRules
{
    public static ExpectedSchedule Expect(FrequencySpec frequency, RuleInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(inputs);
        var organisations = Math.Max(inputs.Organisations, 1);
        return frequency.Kind switch
        {
            FrequencyKind.Monthly => new(Every(1, 1), null),
            FrequencyKind.Regular => new(Every(Math.Clamp(inputs.CadenceMonths ?? 1, 1, 12), 1), null),
            FrequencyKind.AtMostEveryMonths => new(Every(Math.Clamp(frequency.Months ?? 1, 1, 12), 1), null),
            FrequencyKind.Yearly => new(Every(12, 1), new Cap(PeriodKind.Year, 1)),
            FrequencyKind.QuarterlyPerOrganisation => new(
                Every(3, (frequency.Min ?? 1) * organisations),
                frequency.Max is { } max ? new Cap(PeriodKind.Quarter, max * organisations) : null),
            FrequencyKind.PerAgreement => new(Spread(inputs.TargetCount ?? inputs.AgreedActivitiesPerYear ?? 0), null),
            FrequencyKind.PerPlan or FrequencyKind.PerInspectionPlan or FrequencyKind.PerHostCalendar
                or FrequencyKind.Unspecified => new(Spread(inputs.TargetCount ?? 0), null),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency.Kind, "Unknown frequency kind."),
        };
    }

    /// <summary><paramref name="count"/> activities at the end of every <paramref name="months"/>-month period.</summary>
    private static int[] Every(int months, int count) =>
        Enumerable.Range(1, 12).Select(m => m % months == 0 ? count : 0).ToArray();

    /// <summary>A yearly count spread evenly: by the end of month m, floor(count × m / 12) are due.</summary>
    private static int[] Spread(int count) =>
        Enumerable.Range(1, 12).Select(m => (count * m / 12) - (count * (m - 1) / 12)).ToArray();
}
