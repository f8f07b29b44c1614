using System.Globalization;
using BhxhPlatform.Portal.Localization;

namespace BhxhPlatform.Portal.Components.Pages.Audit;

/// <summary>
/// The instant "as of" which an auditor asks for a stream's state: a day in Vietnam (<c>yyyy-MM-dd</c>) and,
/// optionally, a time (<c>HH:mm</c>); the whole minute counts, and a day without a time counts to its end.
/// </summary>
public static class AsOfInstant
{
    /// <summary>The instant, or none when no day was asked; <c>Bad</c> when the day or the time was not valid.</summary>
    public static (DateTimeOffset? At, bool Bad) Of(string? day, string? time)
    {
        if (string.IsNullOrWhiteSpace(day))
        {
            return (null, false);
        }

        if (!DateOnly.TryParseExact(day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, true);
        }

        var minute = new TimeOnly(23, 59);
        if (!string.IsNullOrWhiteSpace(time) &&
            !TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out minute))
        {
            return (null, true);
        }

        var start = new TimeOnly(minute.Hour, minute.Minute);
        return (Display.Instant(date, start).AddMinutes(1).AddTicks(-1), false);
    }
}
