using System.Globalization;
using BhxhPlatform.ServiceDefaults.Problems;

namespace BhxhPlatform.Planning.Schedule;

/// <summary>The day a report is read as of: <c>asOf</c> (yyyy-MM-dd) when given, otherwise today in Vietnam (<see cref="VietnamTime"/>).</summary>
public static class ReportDay
{
    /// <summary>The day; a malformed <paramref name="asOf"/> adds an <c>invalid-date</c> problem to <paramref name="check"/>.</summary>
    public static DateOnly Read(Check check, string? asOf, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(clock);
        var day = VietnamTime.Today(clock);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            check.Add("asOf", "invalid-date", "Ngày phải theo dạng yyyy-MM-dd.", "The date must be yyyy-MM-dd.");
        }

        return day;
    }
}
