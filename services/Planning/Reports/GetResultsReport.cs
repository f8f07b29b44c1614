using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Reports;

/// <summary>
/// The results report as JSON. The Word and Excel downloads below are the same report: each endpoint is
/// its own operation (the access matrix names operations by class), all three read it through <see cref="ReadAsync"/>.
/// </summary>
public static class GetResultsReportEndpoint
{
    /// <summary>
    /// The results report of a unit, or of a province over its units, for a month (<c>m1</c>…<c>m12</c>), a
    /// quarter (<c>q1</c>…<c>q4</c>) or the year (<c>year</c>), as of a day (<c>?asOf=yyyy-MM-dd</c>; today in
    /// Vietnam by default): targets against what was achieved per unit, audience group and plan line.
    /// </summary>
    [WolverineGet("/api/units/{unit}/reports/{year}/{period}")]
    [Tags("Reports")]
    public static async Task<IResult> Get(
        string unit,
        int year,
        string period,
        string? asOf,
        OrganisationTree organisation,
        PlanCatalogue catalogue,
        TimeProvider clock,
        ProgressReader progress,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var (report, problem) = await ReadAsync(
            new ReportRequest(unit, year, period, asOf), organisation, catalogue, clock, progress, session, cancellation);
        return problem ?? Results.Ok(report);
    }

    /// <summary>What a report request names, as the route and query give it.</summary>
    public sealed record ReportRequest(string Unit, int Year, string Period, string? AsOf);

    /// <summary>
    /// The report, or the problem that refuses the request: field errors (<c>out-of-range</c> year,
    /// <c>unknown-period</c>, <c>invalid-date</c>, <c>before-period</c> when the day precedes the period) as a
    /// 400, a unit that is in no tree or runs no plans as a 404. Figures are read as the progress endpoint reads
    /// them, for the report's end day.
    /// </summary>
    public static async Task<(ResultsReport? Report, IResult? Problem)> ReadAsync(
        ReportRequest request,
        OrganisationTree organisation,
        PlanCatalogue catalogue,
        TimeProvider clock,
        ProgressReader progress,
        IQuerySession session,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(progress);
        var check = new Check().Range("year", request.Year, 2020, 2100, "Năm kế hoạch", "Plan year");
        var period = ReportPeriod.Parse(request.Year, request.Period);
        check.That(period is not null, "period", "unknown-period",
            "Kỳ báo cáo phải là m1…m12 (tháng), q1…q4 (quý) hoặc year (cả năm).",
            "The period must be m1…m12 (a month), q1…q4 (a quarter) or year (the whole year).");
        var day = ReportDay.Read(check, request.AsOf, clock);
        if (check.IsValid && day < period!.FirstDay)
        {
            check.Add("asOf", "before-period",
                $"Ngày báo cáo {day:dd/MM/yyyy} ở trước kỳ báo cáo (bắt đầu {period.FirstDay:dd/MM/yyyy}).",
                $"The report day {day:yyyy-MM-dd} is before the period, which starts on {period.FirstDay:yyyy-MM-dd}.");
        }

        if (!check.IsValid)
        {
            return (null, Results.Problem(check.ToProblem()));
        }

        var end = ResultsReport.EndOf(period!, day);
        if (await progress.ReadAsync(session, request.Unit, request.Year, end, cancellation) is not { } inputs
            || ReportIssuer.Of(inputs.Tree, organisation, request.Unit, end) is not { } issuer)
        {
            return (null, Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit.")));
        }

        var report = ResultsReport.Build(
            issuer, period!, day, inputs.Plans, inputs.Facts, catalogue, id => inputs.Tree.Find(id)?.NameOn(end) ?? id);
        return (report, null);
    }
}

public static class GetResultsReportDocxEndpoint
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// The results report as a Word document in the layout of Decree 30/2020/NĐ-CP (national title and motto,
    /// issuing body, number, place and date, body with tables and a chart, recipients, signature block).
    /// </summary>
    [WolverineGet("/api/units/{unit}/reports/{year}/{period}/docx")]
    [Tags("Reports")]
    public static async Task<IResult> Get(
        string unit,
        int year,
        string period,
        string? asOf,
        OrganisationTree organisation,
        PlanCatalogue catalogue,
        TimeProvider clock,
        ProgressReader progress,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var (report, problem) = await GetResultsReportEndpoint.ReadAsync(
            new(unit, year, period, asOf), organisation, catalogue, clock, progress, session, cancellation);
        return problem ?? Results.File(WordReport.Write(report!), ContentType, report!.FileStem + ".docx");
    }
}

public static class GetResultsReportXlsxEndpoint
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The results report as an Excel workbook: the totals and the tables per unit, audience group and plan line, one sheet each.</summary>
    [WolverineGet("/api/units/{unit}/reports/{year}/{period}/xlsx")]
    [Tags("Reports")]
    public static async Task<IResult> Get(
        string unit,
        int year,
        string period,
        string? asOf,
        OrganisationTree organisation,
        PlanCatalogue catalogue,
        TimeProvider clock,
        ProgressReader progress,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var (report, problem) = await GetResultsReportEndpoint.ReadAsync(
            new(unit, year, period, asOf), organisation, catalogue, clock, progress, session, cancellation);
        return problem ?? Results.File(ExcelReport.Write(report!), ContentType, report!.FileStem + ".xlsx");
    }
}
