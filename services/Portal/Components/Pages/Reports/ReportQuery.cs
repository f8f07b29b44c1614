using System.Globalization;
using BhxhPlatform.Portal.Localization;

namespace BhxhPlatform.Portal.Components.Pages.Reports;

/// <summary>A file Planning writes a results report as: its URL segment, extension and content type.</summary>
public sealed record ReportFormat(string Extension, string ContentType)
{
    public static readonly ReportFormat Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public static readonly ReportFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static ReportFormat? Parse(string? extension) =>
        string.Equals(extension, Docx.Extension, StringComparison.OrdinalIgnoreCase) ? Docx
        : string.Equals(extension, Xlsx.Extension, StringComparison.OrdinalIgnoreCase) ? Xlsx
        : null;
}

/// <summary>
/// The report a person asked for (the page's form, or a download link): a unit, a plan year, a period as
/// Planning spells it (<c>m1</c>…<c>m12</c>, <c>q1</c>…<c>q4</c>, <c>year</c>) and the day the figures stand at
/// (<c>yyyy-MM-dd</c>, or null for today in Vietnam, Planning's default). The portal only spells the request:
/// whether the period, the day and the unit are acceptable, and to whom, is Planning's to say.
/// </summary>
public sealed record ReportQuery(string Unit, int Year, string Period, string? AsOf)
{
    public const string YearPeriod = "year";

    /// <summary>The quarters, then the months, as the period list offers them after the whole year.</summary>
    public static readonly IReadOnlyList<string> Quarters = [.. Enumerable.Range(1, 4).Select(q => $"q{q}")];

    public static readonly IReadOnlyList<string> Months = [.. Enumerable.Range(1, 12).Select(m => $"m{m}")];

    /// <summary>
    /// The request from the query string: the person's own unit when none is named, this year when the year is not a
    /// number, this month of this year (the whole year of another year) when no period is named.
    /// </summary>
    public static ReportQuery Of(string? unit, string? year, string? period, string? asOf, string ownUnit, DateOnly today)
    {
        var chosenYear = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : today.Year;
        var code = string.IsNullOrWhiteSpace(period)
            ? chosenYear == today.Year ? $"m{today.Month.ToString(CultureInfo.InvariantCulture)}" : YearPeriod
            : period.Trim().ToLowerInvariant();
        return new(string.IsNullOrWhiteSpace(unit) ? ownUnit : unit.Trim(), chosenYear, code, AsOfDay(asOf));
    }

    /// <summary>
    /// The day as Planning takes it (<c>yyyy-MM-dd</c>) from what was typed: <c>dd/MM/yyyy</c> as the portal shows
    /// days (<c>d/M/yyyy</c> too), or already <c>yyyy-MM-dd</c>. Anything else is kept as typed (the page refuses it,
    /// see <see cref="HasDay"/>, and shows it back; Planning refuses it too); nothing typed is null (today).
    /// </summary>
    public static string? AsOfDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var typed = text.Trim();
        return DateOnly.TryParseExact(typed, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Iso(day)
            : typed;
    }

    /// <summary>False when what was typed as the day is not one: the page says so in the portal's own format rather than Planning's.</summary>
    public bool HasDay => AsOf is null || DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Planning's route: <c>/api/units/{unit}/reports/{year}/{period}[/docx|/xlsx][?asOf=yyyy-MM-dd]</c>.</summary>
    public string ApiPath(ReportFormat? format = null) =>
        $"/api/units/{E(Unit)}/reports/{Y}/{E(Period)}{(format is null ? string.Empty : "/" + format.Extension)}{(AsOf is null ? string.Empty : "?asOf=" + E(AsOf))}";

    /// <summary>The query string of the portal's page and download links.</summary>
    public string Query => $"unit={E(Unit)}&year={Y}&period={E(Period)}{(AsOf is null ? string.Empty : "&asOf=" + E(AsOf))}";

    public string PageLink => "/reports?" + Query;

    /// <summary>The portal's own download address (the browser never calls Planning).</summary>
    public string DownloadLink(ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"/reports/download/{format.Extension}?{Query}";
    }

    /// <summary>The day as the form's field shows it: dd/MM/yyyy, or what was typed when it is not a day.</summary>
    public string AsOfInput =>
        DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Display.Date(day) : AsOf ?? string.Empty;

    private string Y => Year.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string text) => Uri.EscapeDataString(text);
}
