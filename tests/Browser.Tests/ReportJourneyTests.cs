using System.Globalization;
using System.Text.Json;
using BhxhPlatform.Contracts;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// The results reports page against Planning's own report: the figures Planning's JSON holds, and its Word and Excel
/// files downloaded through the portal (the browser holds no token) and opened with the Open XML SDK.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ReportJourneyTests(StackFixture stack)
{
    private const string District = "nhon-trach";
    private const string Officer = "officer.nhon-trach";
    private const string OfficerName = "Cán bộ truyền thông BHXH Nhơn Trạch";

    /// <summary>
    /// The day <see cref="Given.ActivityAsync"/> logs activities on: yesterday in Vietnam. On 1 January that is in the
    /// year before, whose plan and report they count in (this year's report of December would count none of them).
    /// </summary>
    private static DateOnly ActivitiesDay =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime).AddDays(-1);

    [Fact]
    public async Task An_officer_sees_the_units_report_of_a_month_as_Planning_has_it_and_downloads_it_as_Word_and_Excel()
    {
        var day = ActivitiesDay;
        var year = day.Year;
        var period = "m" + day.Month.ToString(CultureInfo.InvariantCulture);
        await UnitWithActivitiesAsync(year);
        using var planning = await stack.ApiAsync(ServiceNames.Planning, Officer);
        var path = $"/api/units/{District}/reports/{year}/{period}";
        await Eventually.TrueAsync(async () => Totals(await Given.GetAsync(planning, path)).GetProperty("achieved").GetInt32() >= 2, "Planning counting the unit's activities");

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);
        await page.MenuAsync("Báo cáo");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Báo cáo kết quả công tác truyền thông");
        await page.GetByLabel("Năm kế hoạch", new() { Exact = true }).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Kỳ báo cáo", new() { Exact = true }).SelectOptionAsync(period);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        var shown = page.GetByTestId("report");
        await Expect(shown).ToHaveAttributeAsync("data-unit", District);
        await Expect(shown).ToHaveAttributeAsync("data-period", period);
        await browser.SeenAsync("results-report");
        await browser.ForReadmeAsync("results-report");

        var report = await Given.GetAsync(planning, path);
        var issuer = report.GetProperty("issuer");
        await Expect(page.Locator("#report-heading")).ToContainTextAsync(issuer.GetProperty("name").GetString()!);
        await ExpectTotalsAsync(page, report);
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        await Expect(page.GetByTestId("report-lines").Locator("tbody tr")).ToHaveCountAsync(lines.Count);
        foreach (var line in lines)
        {
            var row = page.Locator($"[data-testid=report-lines] tr[data-line='{line.GetProperty("code").GetString()}']");
            foreach (var (figure, property) in LineFigures)
            {
                await Expect(row.Locator($"[data-figure={figure}]")).ToHaveTextAsync(Portal.Number(line.GetProperty(property).GetInt32()), new() { Timeout = 2_000 });
            }
        }

        // The months from January to the period's: what Planning says was due and done in each.
        var months = report.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(day.Month);
        await Expect(page.GetByTestId("report-months").Locator("tbody tr")).ToHaveCountAsync(months.Count);
        foreach (var month in months)
        {
            var row = page.Locator($"[data-testid=report-months] tr[data-month='{month.GetProperty("month").GetInt32().ToString(CultureInfo.InvariantCulture)}']");
            await Expect(row.Locator("[data-figure=target]")).ToHaveTextAsync(Portal.Number(month.GetProperty("target").GetInt32()), new() { Timeout = 2_000 });
            await Expect(row.Locator("[data-figure=achieved]")).ToHaveTextAsync(Portal.Number(month.GetProperty("achieved").GetInt32()), new() { Timeout = 2_000 });
        }

        var trainings = report.GetProperty("trainings");
        await Expect(page.GetByTestId("report-trainings").Locator("[data-figure=held-year]")).ToHaveTextAsync(Portal.Number(trainings.GetProperty("heldYear").GetInt32()));

        // Word: the name Planning gives it, valid Open XML, the unit's body in the header, the period's title, each line's figures.
        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-docx").ClickAsync());
        word.SuggestedFilename.ShouldBe($"bao-cao-ket-qua-{District}-{year}-{period}.docx");
        using (var document = WordprocessingDocument.Open((await word.PathAsync())!, false))
        {
            new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
            var body = document.MainDocumentPart!.Document!.Body!;
            var paragraphs = body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
            paragraphs.ShouldContain(issuer.GetProperty("issuingBody").GetString()!);
            paragraphs.ShouldContain($"Kết quả thực hiện kế hoạch truyền thông {report.GetProperty("periodText").GetString()}");
            var rows = body.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).Where(r => r.Count == 10).ToList();
            foreach (var line in lines)
            {
                var row = rows.Single(r => r[0] == line.GetProperty("code").GetString());
                row[3].ShouldBe(Portal.Number(line.GetProperty("target").GetInt32()));
                row[4].ShouldBe(Portal.Number(line.GetProperty("achieved").GetInt32()));
            }
        }

        // Excel: the four sheets, the totals as number cells, the unit's row.
        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-xlsx").ClickAsync());
        excel.SuggestedFilename.ShouldBe($"bao-cao-ket-qua-{District}-{year}-{period}.xlsx");
        using (var workbook = SpreadsheetDocument.Open((await excel.PathAsync())!, false))
        {
            new OpenXmlValidator().Validate(workbook).Select(e => e.Description).ShouldBeEmpty();
            var part = workbook.WorkbookPart!;
            part.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(
                ["Tổng hợp", "Theo đơn vị", "Theo nhóm đối tượng", "Theo dòng kế hoạch", "Biểu đồ", "Theo tháng", "Người tham gia mới", "Phối hợp", "Tập huấn", "Khen thưởng"]);
            var totals = Rows(part, "Tổng hợp");
            Number(totals, "Số hoạt động kế hoạch trong kỳ").ShouldBe(Totals(report).GetProperty("target").GetInt32());
            Number(totals, "Số hoạt động đã thực hiện trong kỳ").ShouldBe(Totals(report).GetProperty("achieved").GetInt32());
            Number(totals, "Lượt người được tiếp cận trong kỳ").ShouldBe(Totals(report).GetProperty("peopleReached").GetInt32());
            Rows(part, "Theo đơn vị").ShouldContain(r => r.Count > 1 && r[0].Text == District && r[1].Text == issuer.GetProperty("name").GetString());
        }

        // The page is still the report: a download does not navigate away.
        await Expect(shown).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_province_administrator_gets_the_province_report_over_its_units_and_the_report_of_one_unit()
    {
        var year = Given.ThisYear;
        await UnitWithActivitiesAsync(year);
        using var planning = await stack.ApiAsync(ServiceNames.Planning, Given.ProvinceAdmin);
        var path = $"/api/units/{Given.Province}/reports/{year}/year";
        await Eventually.TrueAsync(
            async () => (await Given.GetAsync(planning, path)).GetProperty("units").EnumerateArray().Any(u => u.GetProperty("unit").GetString() == District),
            "the province report naming the unit");
        // Other journeys' activities may still be arriving: the page is compared with what Planning says once it holds still.
        var report = await SettledAsync(planning, path);

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Given.ProvinceAdmin);
        await page.MenuAsync("Báo cáo");
        var unit = page.GetByLabel("Đơn vị", new() { Exact = true });
        await Expect(unit).ToHaveValueAsync(Given.Province);
        await page.GetByLabel("Kỳ báo cáo", new() { Exact = true }).SelectOptionAsync("year");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        var shown = page.GetByTestId("report");
        await Expect(shown).ToHaveAttributeAsync("data-unit", Given.Province);
        await Expect(shown).ToHaveAttributeAsync("data-period", "year");
        await browser.SeenAsync("province-report");

        await ExpectTotalsAsync(page, report);
        var units = report.GetProperty("units").EnumerateArray().ToList();
        await Expect(page.GetByTestId("report-units").Locator("tbody tr")).ToHaveCountAsync(units.Count);
        foreach (var row in units)
        {
            var cells = page.Locator($"[data-testid=report-units] tr[data-unit='{row.GetProperty("unit").GetString()}']");
            await Expect(cells.Locator("[data-figure=target]")).ToHaveTextAsync(Portal.Number(row.GetProperty("target").GetInt32()), new() { Timeout = 2_000 });
            await Expect(cells.Locator("[data-figure=achieved]")).ToHaveTextAsync(Portal.Number(row.GetProperty("achieved").GetInt32()), new() { Timeout = 2_000 });
        }

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-xlsx").ClickAsync());
        excel.SuggestedFilename.ShouldBe($"bao-cao-ket-qua-{Given.Province}-{year}-year.xlsx");
        using (var workbook = SpreadsheetDocument.Open((await excel.PathAsync())!, false))
        {
            var rows = Rows(workbook.WorkbookPart!, "Theo đơn vị");
            foreach (var row in units)
            {
                Number(rows, row.GetProperty("unit").GetString()!, 4).ShouldBe(row.GetProperty("achieved").GetInt32());
            }
        }

        // One unit of the province: its own report.
        await unit.SelectOptionAsync(District);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await Expect(shown).ToHaveAttributeAsync("data-unit", District);
        using var officer = await stack.ApiAsync(ServiceNames.Planning, Officer);
        var own = await Given.GetAsync(officer, $"/api/units/{District}/reports/{year}/year");
        await Expect(page.Locator("#report-heading")).ToHaveTextAsync($"{own.GetProperty("issuer").GetProperty("name").GetString()} – năm {year}");
        await browser.SeenAsync("unit-report");
    }

    [Fact]
    public async Task A_bad_period_a_bad_day_or_a_unit_outside_the_officers_own_is_a_problem_on_the_page_not_a_crash()
    {
        var year = Given.ThisYear;
        await new Given(stack).AccountAsync(District, Officer, OfficerName, "district-officer");
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);

        // A period that is none (typed into the address): Planning's problem, beside the period field.
        var response = await page.GotoAsync(new Uri(stack.Portal, $"/reports?year={year}&period=q9").AbsoluteUri);
        response!.Ok.ShouldBeTrue();
        await Expect(page.GetByTestId("problem")).ToContainTextAsync("Kỳ báo cáo phải là m1…m12 (tháng), q1…q4 (quý) hoặc year (cả năm).");
        await Expect(page.Locator("#f-period-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report")).ToHaveCountAsync(0);
        await browser.SeenAsync("report-bad-period");

        // A day that is none, typed into the form.
        await page.GetByLabel("Kỳ báo cáo", new() { Exact = true }).SelectOptionAsync("m2");
        await page.GetByLabel("Số liệu tính đến ngày", new() { Exact = true }).FillAsync($"31/02/{year}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await Expect(page.Locator("#f-asOf-error")).ToHaveTextAsync("Ngày chốt số liệu phải theo dạng dd/mm/yyyy, ví dụ 30/11/2026.");
        await Expect(page.GetByTestId("report")).ToHaveCountAsync(0);

        // Another unit's report: Planning's 403, on the page, and for the download too (back on the page with the same problem).
        await page.GotoAsync(new Uri(stack.Portal, $"/reports?unit=bien-hoa&year={year}&period=year").AbsoluteUri);
        await Expect(page.GetByTestId("problem").Locator("h2")).ToHaveTextAsync("Bạn không có quyền thực hiện thao tác này với dữ liệu này.");
        await Expect(page.GetByTestId("report")).ToHaveCountAsync(0);
        await browser.SeenAsync("report-forbidden-unit");
        await page.GotoAsync(new Uri(stack.Portal, $"/reports/download/docx?unit=bien-hoa&year={year}&period=year").AbsoluteUri);
        await Expect(page).ToHaveURLAsync(new Uri(stack.Portal, $"/reports?unit=bien-hoa&year={year}&period=year&failed=docx").AbsoluteUri);
        await Expect(page.GetByTestId("problem").Locator("h2")).ToHaveTextAsync("Bạn không có quyền thực hiện thao tác này với dữ liệu này.");

        // The same refusal in English after the switch.
        await page.GotoAsync(new Uri(stack.Portal, $"/language?culture=en&returnUrl={Uri.EscapeDataString($"/reports?unit=bien-hoa&year={year}&period=year")}").AbsoluteUri);
        await Expect(page.GetByTestId("problem").Locator("h2")).ToHaveTextAsync("Your role may not do this with this data.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Communication results reports");
        await browser.SeenAsync("report-forbidden-unit-en");
    }

    /// <summary>The unit's approved plan, known to Outreach, with two activities logged yesterday (its officer's account opened).</summary>
    private async Task UnitWithActivitiesAsync(int year)
    {
        var given = new Given(stack);
        var plan = await given.PlanReadyForActivitiesAsync(District, Officer, OfficerName, year);
        await given.ActivityAsync(District, Officer, plan, peopleReached: 45);
        await given.ActivityAsync(District, Officer, plan, peopleReached: 30);
    }

    private static JsonElement Totals(JsonElement report) => report.GetProperty("totals");

    private static async Task ExpectTotalsAsync(IPage page, JsonElement report)
    {
        var totals = page.GetByTestId("report-totals");
        foreach (var (figure, property) in TotalFigures)
        {
            await Expect(totals.Locator($"[data-figure={figure}]")).ToHaveTextAsync(Portal.Number(Totals(report).GetProperty(property).GetInt32()), new() { Timeout = 2_000 });
        }
    }

    /// <summary>Planning's report once two reads a second apart agree.</summary>
    private static async Task<JsonElement> SettledAsync(HttpClient planning, string path)
    {
        var last = await Given.GetAsync(planning, path);
        await Eventually.TrueAsync(async () =>
        {
            await Task.Delay(1_000);
            var next = await Given.GetAsync(planning, path);
            var same = next.GetProperty("totals").ToString() == last.GetProperty("totals").ToString();
            last = next;
            return same;
        }, "Planning's province report holding still");
        return last;
    }

    private static readonly (string Figure, string Property)[] TotalFigures =
    [
        ("units", "units"), ("approved-plans", "approvedPlans"), ("target", "target"), ("achieved", "achieved"), ("expected-year", "expectedYear"),
        ("achieved-year", "achievedYear"), ("people-reached", "peopleReached"), ("people-reached-year", "peopleReachedYear"),
        ("people-reached-target", "peopleReachedTarget"), ("enrolled", "enrolled"), ("enrolled-year", "enrolledYear"),
        ("enrolment-target", "enrolmentTarget"), ("lines-behind", "linesBehind"),
    ];

    private static readonly (string Figure, string Property)[] LineFigures =
    [
        ("units", "units"), ("target", "target"), ("achieved", "achieved"), ("expected-year", "expectedYear"), ("achieved-year", "achievedYear"),
        ("people-reached", "peopleReached"), ("units-behind", "unitsBehind"),
    ];

    private sealed record CellRead(string? Text, double? Number);

    /// <summary>A sheet's rows as cells in order: text from inline strings, numbers from number cells.</summary>
    private static List<List<CellRead>> Rows(WorkbookPart workbook, string sheet)
    {
        var id = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(id);
        return [.. part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.InlineString
                ? new CellRead(c.InlineString!.InnerText, null)
                : c.CellValue is { } value && (c.DataType is null || c.DataType.Value == CellValues.Number)
                    ? new CellRead(null, double.Parse(value.Text, CultureInfo.InvariantCulture))
                    : new CellRead(null, null)).ToList())];
    }

    private static double? Number(List<List<CellRead>> rows, string first, int column = 1) =>
        rows.Single(r => r.Count > 0 && r[0].Text == first)[column].Number;
}
