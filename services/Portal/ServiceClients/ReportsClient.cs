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

/// <summary>One month of the year, January to the period's last month: activities due by the plans' schedules and logged.</summary>
public sealed record ReportMonthView(int Month, int Target, int Achieved, decimal? Percent);

/// <summary>People enrolled in one scheme (its code and Planning's Vietnamese name), in the period and in the year.</summary>
public sealed record ReportSchemeView(string Scheme, string Name, int Enrolled, int EnrolledYear);

/// <summary>Agreements of one kind (its code and Planning's Vietnamese name): in force, begun and ended in the period, ending within 30 days.</summary>
public sealed record ReportAgreementsView(string Kind, string Name, int InForce, int Started, int Ended, int EndingSoon);

/// <summary>Trainings and refresher conferences held, and who attended, in the period and in the year.</summary>
public sealed record ReportTrainingsView(int Held, int Attendees, int HeldYear, int AttendeesYear);

/// <summary>Commendations of partner organisations (collectives) and of persons, in the period and in the year.</summary>
public sealed record ReportCommendationsView(int Collectives, int Persons, int CollectivesYear, int PersonsYear);

/// <summary>
/// Planning's results report of a unit (or of a province over its units) for a period, as of a day; figures at <see cref="End"/>.
/// The parts after <see cref="Lines"/> came later: an answer of an older Planning has none, so the lists are empty
/// and the trainings and commendations null (not zero: nothing was said about them).
/// </summary>
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
    IReadOnlyList<ReportLineView> Lines)
{
    public IReadOnlyList<ReportMonthView> Months { get; init; } = [];

    public IReadOnlyList<ReportSchemeView> Schemes { get; init; } = [];

    public IReadOnlyList<ReportAgreementsView> Agreements { get; init; } = [];

    public ReportTrainingsView? Trainings { get; init; }

    public ReportCommendationsView? Commendations { get; init; }
}
