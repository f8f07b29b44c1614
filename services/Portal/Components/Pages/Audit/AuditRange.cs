using System.Globalization;
using BhxhPlatform.Portal.Localization;

namespace BhxhPlatform.Portal.Components.Pages.Audit;

/// <summary>
/// A range of days in Vietnam as the auditor's forms give it (<c>yyyy-MM-dd</c>, the last day inclusive),
/// turned into the instants the audit API takes: from the start of the first day to the start of the day
/// after the last. Without days, the last seven.
/// </summary>
public sealed record AuditRange(DateOnly From, DateOnly To)
{
    public static AuditRange Of(string? from, string? to, DateTimeOffset now)
    {
        var today = Display.LocalDay(now);
        var last = Day(to) ?? today;
        var first = Day(from) ?? last.AddDays(-6);
        return first > last ? new AuditRange(last, first) : new AuditRange(first, last);
    }

    public DateTimeOffset Start => Display.Instant(From, TimeOnly.MinValue);

    public DateTimeOffset End => Display.Instant(To.AddDays(1), TimeOnly.MinValue);

    /// <summary>The value of a date input.</summary>
    public static string Input(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
