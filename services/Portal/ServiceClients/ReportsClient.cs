using BhxhPlatform.Portal.Components.Pages.Reports;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>
/// Planning's results reports (services/Planning/Reports): the JSON the page shows, and the Word and Excel
/// files the portal passes on to the browser. The records mirror Planning's <c>ResultsReport</c>.
/// </summary>
public sealed class ReportsClient(HttpClient http)
{
    public const string Service = PlanningClient.Service;

    /// <summary>The report, or Planning's problem with the request (bad period or day, a unit outside the caller's scope, no such unit).</summary>
    public Task<ServiceResult<ResultsReportView>> ResultsReportAsync(ReportQuery query, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return http.GetOrProblemAsync<ResultsReportView>(Service, query.ApiPath(), cancellation);
    }

    /// <summary>The report as a file, as Planning streams it; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> DownloadAsync(ReportQuery query, ReportFormat format, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return http.GetStreamAsync(Service, query.ApiPath(format), cancellation);
    }
}

public sealed record ReportIssuerView(string Unit, string Name, bool Province, string SuperiorBody, string IssuingBody, string Place);

public sealed record ReportTotalsView(
    int Units,
    int ApprovedPlans,
    int Target,
    int Achieved,
    int ExpectedYear,
    int AchievedYear,
    int PeopleReached,
    int PeopleReachedYear,
    int PeopleReachedTarget,
    int Enrolled,
    int EnrolledYear,
    int EnrolmentTarget,
    int LinesBehind,
    decimal? Percent);

public sealed record ReportUnitView(string Unit, string Name, string Status, int Target, int Achieved, int PeopleReached, int Enrolled, int LinesBehind, decimal? Percent);

public sealed record ReportAudienceView(string Code, string Name, int Target, int Achieved, int PeopleReached, decimal? Percent);

public sealed record ReportLineView(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    int Units,
    int Target,
    int Achieved,
    int ExpectedYear,
    int AchievedYear,
    int PeopleReached,
    int UnitsBehind,
    decimal? Percent);

/// <summary>Planning's results report of a unit (or of a province over its units) for a period, as of a day; figures at <see cref="End"/>.</summary>
public sealed record ResultsReportView(
    ReportIssuerView Issuer,
    int Year,
    string Period,
    string PeriodText,
    DateOnly FirstDay,
    DateOnly LastDay,
    DateOnly AsOf,
    DateOnly End,
    ReportTotalsView Totals,
    IReadOnlyList<ReportUnitView> Units,
    IReadOnlyList<ReportAudienceView> Audiences,
    IReadOnlyList<ReportLineView> Lines);
