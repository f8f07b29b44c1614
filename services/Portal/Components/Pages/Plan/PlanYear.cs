namespace BhxhPlatform.Portal.Components.Pages.Plan;

/// <summary>
/// The year the plan pages show: this year, or the next one (asked with <c>?year=</c>), so that a unit writes next
/// year's plan once the province has published its template. Any other year shows this year.
/// </summary>
public static class PlanYear
{
    public static int Of(int? asked, int thisYear) => asked == thisYear + 1 ? thisYear + 1 : thisYear;

    /// <summary>The page's address for <paramref name="year"/>, with <paramref name="query"/> (without '?') when given.</summary>
    public static string Link(string path, int year, int thisYear, string? query = null)
    {
        var parts = new[] { year == thisYear ? null : $"year={year}", query }.Where(p => p is not null);
        var joined = string.Join("&", parts);
        return joined.Length == 0 ? path : $"{path}?{joined}";
    }
}
