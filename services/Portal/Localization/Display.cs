using System.Globalization;

namespace BhxhPlatform.Portal.Localization;

/// <summary>How the portal writes dates, times and numbers, in either language: dd/MM/yyyy, 24-hour time in Vietnam, vi-VN numbers.</summary>
public static class Display
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Vietnam (no daylight saving; the IANA zone of the platform).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => Date(LocalDay(instant));

    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) => Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    public static string Percent(int part, int whole) => whole <= 0 ? "–" : (part / (double)whole).ToString("P0", Culture);

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>A day and a wall-clock time in Vietnam as an instant (Vietnam is UTC+7 all year).</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time) =>
        new(day.ToDateTime(time), Zone.GetUtcOffset(day.ToDateTime(time)));

    /// <summary>A field of the services' problems speaks "Tiếng Việt / English": the half in the current language.</summary>
    public static string Half(string? bilingual)
    {
        if (string.IsNullOrEmpty(bilingual))
        {
            return string.Empty;
        }

        var split = bilingual.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? bilingual : PortalLocalization.IsEnglish ? bilingual[(split + 3)..] : bilingual[..split];
    }
}
