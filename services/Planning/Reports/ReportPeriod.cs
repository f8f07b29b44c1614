using System.Globalization;
using BhxhPlatform.Planning.Schedule;

namespace BhxhPlatform.Planning.Reports;

/// <summary>
/// The period a results report covers within a plan year: a month (<c>m1</c>…<c>m12</c>), a quarter
/// (<c>q1</c>…<c>q4</c>) or the whole year (<c>year</c>). Periods are whole months, so a report's figures
/// are the progress tallies (kept per month) of the period's months.
/// </summary>
public sealed record ReportPeriod(int Year, PeriodKind Kind, int Number)
{
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    /// <summary>The period of <paramref name="code"/> in <paramref name="year"/>, or null when the code is not one of the periods.</summary>
    public static ReportPeriod? Parse(int year, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var text = code.ToLowerInvariant();
        if (text == "year")
        {
            return new(year, PeriodKind.Year, 1);
        }

        if (text.Length < 2 || !int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || text[1..].StartsWith('0'))
        {
            return null;
        }

        return text[0] switch
        {
            'm' when number is >= 1 and <= 12 => new(year, PeriodKind.Month, number),
            'q' when number is >= 1 and <= 4 => new(year, PeriodKind.Quarter, number),
            _ => null,
        };
    }

    /// <summary>The code as the URL spells it.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Month => $"m{Number}",
        PeriodKind.Quarter => $"q{Number}",
        _ => "year",
    };

    public int FirstMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => ((Number - 1) * 3) + 1,
        _ => 1,
    };

    public int LastMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => Number * 3,
        _ => 12,
    };

    public DateOnly FirstDay => new(Year, FirstMonth, 1);

    public DateOnly LastDay => new(Year, LastMonth, DateTime.DaysInMonth(Year, LastMonth));

    public bool Covers(DateOnly day) => FirstDay <= day && day <= LastDay;

    public bool CoversMonth(int month) => FirstMonth <= month && month <= LastMonth;

    /// <summary>As a report's title names it: "tháng 11 năm 2026", "quý IV năm 2026", "năm 2026".</summary>
    public string Vietnamese => Kind switch
    {
        PeriodKind.Month => $"tháng {Number} năm {Year}",
        PeriodKind.Quarter => $"quý {RomanQuarters[Number - 1]} năm {Year}",
        _ => $"năm {Year}",
    };

    public override string ToString() => $"{Year}/{Code}";
}
