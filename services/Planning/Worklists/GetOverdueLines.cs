using System.Globalization;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Reports;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Worklists;

/// <summary>
/// One plan line behind schedule: the line as its plan words it (<see cref="Subject"/>, <see cref="Form"/> and
/// <see cref="FrequencyText"/> exactly as the plan has them), what was due by the day and what was done.
/// </summary>
/// <param name="ExpectedByNow">The activities due by the end of the last month past on the day (the progress API's <c>expectedByNow</c>).</param>
/// <param name="Behind">How many activities are missing: <see cref="ExpectedByNow"/> less <see cref="Logged"/>.</param>
/// <param name="DueOn">The day the first missing activity was due: the last day of the first month whose schedule the line fell behind.</param>
public sealed record OverdueLine(
    string Unit,
    string UnitName,
    Guid PlanId,
    DistrictPlanStatus PlanStatus,
    string Code,
    string Subject,
    string AudienceCode,
    string Audience,
    string Form,
    string? FrequencyText,
    FrequencyKind Frequency,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    int Behind,
    DateOnly DueOn);

/// <summary>The working list of a unit's (or a province's) plan lines behind schedule for the year of a day, most behind first.</summary>
public sealed record OverdueLinesList(string Unit, string UnitName, int Year, DateOnly AsOf, IReadOnlyList<OverdueLine> Lines);

/// <summary>
/// The working list of overdue lines. Its lines are those the progress API flags overdue for the same unit and day
/// (both read through <see cref="ProgressReader"/>), in the year of the day, whatever the plan's status.
/// </summary>
public static class OverdueLines
{
    /// <summary>What a request names, as the route and query give it.</summary>
    public sealed record Request(string Unit, string? AsOf, string? Audience, string? LinePrefix);

    /// <summary>
    /// The list, or the problem that refuses the request: <c>invalid-date</c> or <c>out-of-range</c> <c>asOf</c>,
    /// a filter too long or not plain text, field by field, as a 400; a unit in no tree or running no plans as a 404.
    /// </summary>
    public static async Task<(OverdueLinesList? List, IResult? Problem)> ReadAsync(
        Request request, TimeProvider clock, ProgressReader progress, PlanCatalogue catalogue, IQuerySession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(session);
        var check = new Check();
        var day = ReportDay.Read(check, request.AsOf, clock);
        check.Day("asOf", check.IsValid ? day : null, "Ngày (asOf)", "The day (asOf)")
            .Text("audience", request.Audience, "Nhóm đối tượng (audience)", "The audience (audience)", PlanLineInput.MaxCodeLength, required: false)
            .Text("linePrefix", request.LinePrefix, "Đầu mã dòng kế hoạch (linePrefix)", "The line code prefix (linePrefix)", PlanLineInput.MaxCodeLength, required: false);
        if (!check.IsValid)
        {
            return (null, Results.Problem(check.ToProblem()));
        }

        var year = day.Year;
        if (await progress.ReadAsync(session, request.Unit, year, day, cancellation) is not { } inputs)
        {
            return (null, Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit.")));
        }

        var report = inputs.Report(request.Unit, year, day);
        var overdue = report.Lines
            .Where(l => l.Overdue)
            .Where(l => string.IsNullOrWhiteSpace(request.Audience) || l.AudienceCode == request.Audience.Trim())
            .Where(l => string.IsNullOrWhiteSpace(request.LinePrefix) || l.Code.StartsWith(request.LinePrefix.Trim(), StringComparison.Ordinal))
            .ToList();
        var texts = await LineTextsAsync(session, overdue, cancellation);
        var statuses = report.Districts.ToDictionary(d => d.PlanId, d => d.Status);
        string NameOf(string unit) => inputs.Tree.Find(unit)?.NameOn(day) ?? unit;

        var lines = overdue.Select(l =>
            {
                var text = texts.GetValueOrDefault((l.PlanId, l.Code));
                return new OverdueLine(
                    l.District, NameOf(l.District), l.PlanId, statuses[l.PlanId], l.Code, text?.Subject ?? "",
                    l.AudienceCode, catalogue.Audiences.FirstOrDefault(a => a.Code == l.AudienceCode)?.Name ?? l.AudienceCode,
                    text?.Form ?? "", text?.FrequencyText, l.Frequency, l.ExpectedYear, l.ExpectedByNow, l.Logged,
                    l.ExpectedByNow - l.Logged, DueOn(l, year));
            })
            .OrderByDescending(l => l.Behind)
            .ThenBy(l => l.DueOn)
            .ThenBy(l => l.Unit, StringComparer.Ordinal)
            .ThenBy(l => l.Code, ResultsReport.CodeOrder.Instance)
            .ToList();
        return (new OverdueLinesList(request.Unit, NameOf(request.Unit), year, day, lines), null);
    }

    /// <summary>The last day of the first month by the end of which fewer activities were logged than the schedule expected.</summary>
    public static DateOnly DueOn(LineProgress line, int year)
    {
        ArgumentNullException.ThrowIfNull(line);
        var expected = 0;
        foreach (var month in line.Months.OrderBy(m => m.Period))
        {
            expected += month.Expected;
            if (expected > line.Logged)
            {
                return new DateOnly(year, month.Period, 1).AddMonths(1).AddDays(-1);
            }
        }

        return new DateOnly(year, 12, 31);
    }

    /// <summary>The file name of the download, without its extension: dong-cham-tien-do-bien-hoa-2026-11-25.</summary>
    public static string FileStem(OverdueLinesList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"dong-cham-tien-do-{list.Unit}-{list.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    private sealed record LineText(Guid PlanId, string Code, string Subject, string Form, string? FrequencyText);

    /// <summary>
    /// The texts of the given lines as their plans word them (a district may have rewritten a line), read from the stored
    /// plans by PostgreSQL: only these lines' texts travel, not the plans' bodies (see <see cref="ProgressPlanReader"/>).
    /// </summary>
    private static async Task<Dictionary<(Guid PlanId, string Code), LineText>> LineTextsAsync(
        IQuerySession session, List<LineProgress> lines, CancellationToken cancellation)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(DistrictPlan)).TableName.QualifiedName;
        var sql = $"""
            select jsonb_build_object(
                'planId', p.id, 'code', l.line -> 'code', 'subject', l.line -> 'subject', 'form', l.line -> 'form',
                'frequencyText', l.line -> 'frequencyText')
            from {table} as p
            cross join lateral jsonb_to_recordset(p.data -> 'lines') as l(line jsonb)
            where p.tenant_id = any(:tenants) and p.id = any(:ids) and l.line ->> 'code' = any(:codes)
            """;
        var read = await session.AdvancedSql.QueryAsync<LineText>(sql, cancellation, new
        {
            tenants = lines.Select(l => l.District).Distinct().ToArray(),
            ids = lines.Select(l => l.PlanId).Distinct().ToArray(),
            codes = lines.Select(l => l.Code).Distinct().ToArray(),
        });
        return read.DistinctBy(t => (t.PlanId, t.Code)).ToDictionary(t => (t.PlanId, t.Code));
    }

    public const string Sheet = "Dòng chậm tiến độ";

    /// <summary>The header row of the Excel list, one heading a column.</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "Mã đơn vị", "Đơn vị", "Mã dòng", "Chủ thể được truyền thông", "Nhóm đối tượng", "Hình thức truyền thông",
        "Tần suất/thời gian thực hiện", "Kế hoạch đến ngày", "Đã thực hiện", "Còn thiếu", "Chậm từ ngày", "Kế hoạch năm",
    ];

    /// <summary>The list as an Excel workbook of one sheet: counts as number cells, text neutralised (see <see cref="ExcelReport"/>).</summary>
    public static byte[] Workbook(OverdueLinesList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var day = list.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var title = $"Danh sách dòng kế hoạch chậm tiến độ năm {list.Year.ToString(CultureInfo.InvariantCulture)}";
        var table = new ReportTable(title, Headers, [.. list.Lines.Select(l => (IReadOnlyList<ReportCell>)
        [
            l.Unit, l.UnitName, l.Code, l.Subject, $"{l.AudienceCode}. {l.Audience}", l.Form, l.FrequencyText ?? "",
            l.ExpectedByNow, l.Logged, l.Behind, l.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), l.ExpectedYear,
        ])]);
        return ExcelReport.SingleSheet(
            title, list.UnitName, Sheet, [list.UnitName, title, $"Số liệu tính đến ngày {day}"], table,
            [14, 28, 10, 40, 40, 40, 28, 12, 12, 12, 14, 12]);
    }
}

public static class GetOverdueLinesEndpoint
{
    /// <summary>
    /// The working list of a unit's plan lines behind schedule (a province: those of all its units) for the year of a day
    /// (<c>?asOf=yyyy-MM-dd</c>; today in Vietnam by default), most behind first; exactly the lines the progress API flags
    /// overdue for that day, optionally only those of an audience (<c>audience</c>, its code) or whose code begins with <c>linePrefix</c>.
    /// </summary>
    [WolverineGet("/api/units/{unit}/worklists/overdue-lines")]
    [Tags("Worklists")]
    [ProducesResponseType<OverdueLinesList>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(
        string unit,
        string? asOf,
        string? audience,
        string? linePrefix,
        TimeProvider clock,
        ProgressReader progress,
        PlanCatalogue catalogue,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var (list, problem) = await OverdueLines.ReadAsync(new(unit, asOf, audience, linePrefix), clock, progress, catalogue, session, cancellation);
        return problem ?? Results.Ok(list);
    }
}

public static class GetOverdueLinesXlsxEndpoint
{
    /// <summary>The working list of overdue plan lines as an Excel workbook: the same rows, with the same query, as the JSON list.</summary>
    [WolverineGet("/api/units/{unit}/worklists/overdue-lines/xlsx")]
    [Tags("Worklists")]
    public static async Task<IResult> Get(
        string unit,
        string? asOf,
        string? audience,
        string? linePrefix,
        TimeProvider clock,
        ProgressReader progress,
        PlanCatalogue catalogue,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var (list, problem) = await OverdueLines.ReadAsync(new(unit, asOf, audience, linePrefix), clock, progress, catalogue, session, cancellation);
        return problem ?? Results.File(OverdueLines.Workbook(list!), GetResultsReportXlsxEndpoint.ContentType, OverdueLines.FileStem(list!) + ".xlsx");
    }
}
