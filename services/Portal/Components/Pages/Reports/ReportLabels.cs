using System.Globalization;
using BhxhPlatform.Portal.ServiceClients;
using Microsoft.Extensions.Localization;

namespace BhxhPlatform.Portal.Components.Pages.Reports;

/// <summary>The report page's words for Planning's codes and answers, in the current language (from <see cref="ReportsText"/>).</summary>
public static class ReportLabels
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// A period code in words: with a year as a heading names it ("Quý IV năm 2026", "Q4 2026"), without one as the
    /// period list offers it ("Quý IV", "Q4"). A code that is not a period is shown as it is.
    /// </summary>
    public static string Period(this IStringLocalizer<ReportsText> text, string code, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(code);
        var key = year is null ? "Option" : "Period";
        var y = year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        if (code == ReportQuery.YearPeriod)
        {
            return string.Format(CultureInfo.InvariantCulture, text[key + "Year"].Value, y);
        }

        var number = ReportQuery.Quarters.IndexOf(code) + 1;
        if (number > 0)
        {
            return string.Format(CultureInfo.InvariantCulture, text[key + "Quarter"].Value, y, number, Roman[number - 1]);
        }

        number = ReportQuery.Months.IndexOf(code) + 1;
        return number > 0
            ? string.Format(CultureInfo.InvariantCulture, text[key + "Month"].Value, y, number, English.DateTimeFormat.GetMonthName(number))
            : code;
    }

    /// <summary>A month of the year as the period list offers it: "Tháng 11", "November".</summary>
    public static string Month(this IStringLocalizer<ReportsText> text, int month) =>
        month is >= 1 and <= 12 ? text.Period(ReportQuery.Months[month - 1]) : month.ToString(CultureInfo.InvariantCulture);

    /// <summary>A scheme by its code (the names the other pages give it); Planning's own name for a code the page does not know.</summary>
    public static string Scheme(this IStringLocalizer<ReportsText> text, ReportSchemeView scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return text.Named("Scheme_" + scheme.Scheme, scheme.Name);
    }

    /// <summary>An agreement kind by its code; Planning's own name for a kind the page does not know.</summary>
    public static string AgreementKind(this IStringLocalizer<ReportsText> text, ReportAgreementsView agreements)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        return text.Named("AgreementKind_" + agreements.Kind, agreements.Name);
    }

    /// <summary>The share achieved of a total row, rounded as Planning rounds its own (one decimal, half away from zero); null without a target.</summary>
    public static decimal? PercentOf(long achieved, long target) =>
        target == 0 ? null : Math.Round(100m * achieved / target, 1, MidpointRounding.AwayFromZero);

    /// <summary>Planning's problems carry a bilingual title; one without (an empty body) still gets a heading that says what happened.</summary>
    public static ServiceProblem Titled(this IStringLocalizer<ReportsText> text, ServiceProblem problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problem);
        return string.IsNullOrWhiteSpace(problem.Title) && problem.FieldErrors.Count == 0
            ? problem with
            {
                Title = text[problem.Status switch { 403 => "ProblemForbidden", 404 => "ProblemNotFound", _ => "ProblemRefused" }].Value,
            }
            : problem;
    }

    /// <summary>A share achieved as Planning computes it (one decimal), written the Vietnamese way: 87,5%; a dash without a target.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } value ? value.ToString("0.#", Localization.Display.Culture) + "%" : "–";

    private static string Named(this IStringLocalizer<ReportsText> text, string key, string planningName)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[key] is { ResourceNotFound: false } found ? found.Value : planningName;
    }

    private static int IndexOf(this IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i] == code)
            {
                return i;
            }
        }

        return -1;
    }
}
