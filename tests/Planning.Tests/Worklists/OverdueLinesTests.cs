using System.Globalization;
using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Reports;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.Planning.Worklists;
using BhxhPlatform.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Worklists;

/// <summary>
/// The working list of overdue lines is the progress API's overdue lines for the same day, worded as the plan words
/// them, most behind first; the Excel download holds the same rows; bad input is a problem field by field.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class OverdueLinesTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Unit = DistrictPlanTestData.District;
    private const string OtherUnit = "long-thanh";
    private const string Province = "dong-nai";
    private const string AsOf = "2026-11-25";
    private const string Customised = "3.1.01";
    private const string OnSchedule = "1.02";
    private const string Subject = "Hộ gia đình nông dân xã Tân Hạnh, phường Hóa An";
    private const string Form = "- Gặp trực tiếp từng hộ; - Qua tổ hội nông dân";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(Guid plan, string line, int month) => new(
        Guid.NewGuid(), plan, line, line[..line.LastIndexOf('.')], "DirectContact", null, new DateOnly(2026, month, 10), 5, []);

    /// <summary>
    /// Biên Hòa's approved plan, 3.1.01 rewritten and set to 12 activities a year: 4 of them done (6 behind by the end of
    /// October), the monthly 1.02 done every month to October (on schedule), the regular lines not done at all.
    /// Long Thành has a draft plan, on which nothing was done.
    /// </summary>
    private async Task<Guid> FeedAsync()
    {
        var plan = await fixture.Host.AdoptedPlanAsync(Unit);
        var line = PlanLineInput.From(fixture.Host.Services.GetRequiredService<PlanCatalogue>().FindLine(Customised)!) with { Subject = Subject, Form = Form };
        await fixture.Host.StepAsync(plan, "lines", v => new CustomiseDistrictPlanLine(v, line));
        await fixture.Host.StepAsync(plan, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput(Customised, 12, null, null)], 6000, []));
        await fixture.Host.SubmitAsync(plan);
        await fixture.Host.ApproveAsync(plan);
        foreach (var month in new[] { 2, 3, 5, 9 })
        {
            await fixture.Host.InvokeMessageAndWaitAsync(Activity(plan, Customised, month), Unit);
        }

        for (var month = 1; month <= 10; month++)
        {
            await fixture.Host.InvokeMessageAndWaitAsync(Activity(plan, OnSchedule, month), Unit);
        }

        await fixture.Host.AdoptedPlanAsync(OtherUnit);
        return plan;
    }

    private Task<OverdueLinesList> ListAsync(string unit, string query = "") =>
        fixture.Host.GetJsonAsync<OverdueLinesList>($"/api/units/{unit}/worklists/overdue-lines?asOf={AsOf}{query}");

    private static void ShouldBeTheOverdueLinesOf(OverdueLinesList list, ProgressReport progress)
    {
        var overdue = progress.Lines.Where(l => l.Overdue).ToList();
        overdue.ShouldNotBeEmpty();
        progress.Lines.ShouldContain(l => !l.Overdue);
        list.Lines.Select(l => (l.PlanId, l.Code, l.Unit, l.AudienceCode, l.Frequency, l.ExpectedYear, l.ExpectedByNow, l.Logged))
            .ShouldBe(overdue.Select(l => (l.PlanId, l.Code, l.District, l.AudienceCode, l.Frequency, l.ExpectedYear, l.ExpectedByNow, l.Logged)), ignoreOrder: true);
        list.Lines.ShouldAllBe(l => l.Behind == l.ExpectedByNow - l.Logged && l.Behind > 0);

        // Most behind first; of those equally behind, the one behind longest.
        list.Lines.Select(l => (-l.Behind, l.DueOn)).ShouldBe(list.Lines.Select(l => (-l.Behind, l.DueOn)).Order());
    }

    [Fact]
    public async Task The_list_is_the_progress_apis_overdue_lines_for_the_day_worded_as_the_plan_words_them_most_behind_first()
    {
        var plan = await FeedAsync();
        var catalogue = fixture.Host.Services.GetRequiredService<PlanCatalogue>();

        var list = await ListAsync(Unit);

        ShouldBeTheOverdueLinesOf(list, await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{Unit}/progress/years/2026?asOf={AsOf}"));
        (list.Unit, list.UnitName, list.Year, list.AsOf).ShouldBe((Unit, "BHXH thành phố Biên Hòa", 2026, new DateOnly(2026, 11, 25)));
        list.Lines.ShouldNotContain(l => l.Code == OnSchedule);
        var customised = list.Lines.Single(l => l.Code == Customised);
        customised.ShouldBe(new OverdueLine(
            Unit, "BHXH thành phố Biên Hòa", plan, DistrictPlanStatus.Approved, Customised, Subject, "3.1",
            catalogue.Audiences.Single(a => a.Code == "3.1").Name, Form, catalogue.FindLine(Customised)!.FrequencyText, FrequencyKind.PerPlan,
            12, 10, 4, 6, new DateOnly(2026, 5, 31)));

        // Every other line as the plan (the catalogue, here) words it; a regular line expects one activity a month.
        foreach (var line in list.Lines.Where(l => l.Code != Customised))
        {
            var known = catalogue.FindLine(line.Code)!;
            (line.Subject, line.Form, line.FrequencyText).ShouldBe((known.Subject, known.Form, known.FrequencyText));
        }

        var regular = list.Lines.First(l => l.Frequency == FrequencyKind.Regular);
        (regular.ExpectedByNow, regular.Logged, regular.DueOn).ShouldBe((10, 0, new DateOnly(2026, 1, 31)));
        list.Lines[0].Behind.ShouldBe(list.Lines.Max(l => l.Behind));

        // Filtered by audience and by the start of the line code.
        var audience = await ListAsync(Unit, "&audience=3.1");
        audience.Lines.ShouldBe(list.Lines.Where(l => l.AudienceCode == "3.1"));
        audience.Lines.ShouldContain(l => l.Code == Customised);
        var prefix = await ListAsync(Unit, "&linePrefix=2.");
        prefix.Lines.ShouldNotBeEmpty();
        prefix.Lines.ShouldBe(list.Lines.Where(l => l.Code.StartsWith("2.", StringComparison.Ordinal)));
        (await ListAsync(Unit, "&audience=3.1&linePrefix=2.")).Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_province_lists_every_units_overdue_lines_as_its_progress_flags_them()
    {
        await FeedAsync();

        var list = await ListAsync(Province);

        ShouldBeTheOverdueLinesOf(list, await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{Province}/progress/years/2026?asOf={AsOf}"));
        list.Lines.Select(l => l.Unit).Distinct().ShouldBe([Unit, OtherUnit], ignoreOrder: true);
        list.Lines.Where(l => l.Unit == OtherUnit).ShouldAllBe(l => l.PlanStatus == DistrictPlanStatus.Draft && l.UnitName == "BHXH huyện Long Thành");
    }

    [Fact]
    public async Task The_excel_list_holds_the_same_rows_with_counts_as_number_cells_and_plan_text_neutralised()
    {
        await FeedAsync();
        var list = await ListAsync(Unit);

        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{Unit}/worklists/overdue-lines/xlsx?asOf={AsOf}");
            s.StatusCodeShouldBeOk();
        });
        var bytes = await ((ScenarioResult)result).ReadAsync(async body =>
        {
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            return copy.ToArray();
        });

        result.Context.Response.ContentType.ShouldBe(GetResultsReportXlsxEndpoint.ContentType);
        result.Context.Response.Headers.ContentDisposition.ToString().ShouldContain("dong-cham-tien-do-bien-hoa-2026-11-25.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ShouldHaveSingleItem();
        sheet.Name!.Value.ShouldBe("Dòng chậm tiến độ");
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToList()).ToList();
        document.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<CellFormula>().ShouldBeEmpty();

        static string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : throw new ShouldAssertException($"{c.CellReference} is not text");
        static double Number(Cell c) => c.DataType?.Value == CellValues.Number
            ? double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)
            : throw new ShouldAssertException($"{c.CellReference} is not a number");

        rows[0].Select(Text).ShouldBe(["BHXH thành phố Biên Hòa"]);
        rows[1].Select(Text).ShouldBe(["Danh sách dòng kế hoạch chậm tiến độ năm 2026"]);
        rows[2].Select(Text).ShouldBe(["Số liệu tính đến ngày 25/11/2026"]);
        var header = rows.FindIndex(r => r.Count > 0 && Text(r[0]) == "Mã đơn vị");
        rows[header].Select(Text).ShouldBe(OverdueLines.Headers);
        var data = rows.Skip(header + 1).ToList();
        data.Count.ShouldBe(list.Lines.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var row = data[i];
            var line = list.Lines[i];
            row.Take(7).Select(Text).ShouldBe(new[]
            {
                line.Unit, line.UnitName, line.Code, line.Subject, $"{line.AudienceCode}. {line.Audience}", line.Form, line.FrequencyText ?? "",
            }.Select(ServiceDefaults.SpreadsheetCell.Neutralise));
            (Number(row[7]), Number(row[8]), Number(row[9])).ShouldBe((line.ExpectedByNow, line.Logged, line.Behind));
            Text(row[10]).ShouldBe(line.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            Number(row[11]).ShouldBe(line.ExpectedYear);
        }

        // The plan's own text that a spreadsheet would read as a formula (it begins with "-") is shown as written.
        Text(data.Single(r => Text(r[2]) == Customised)[5]).ShouldBe("'" + Form);
    }

    [Fact]
    public async Task A_malformed_day_or_filter_is_a_problem_field_by_field_in_both_languages_and_an_unknown_unit_a_404()
    {
        async Task<ProblemBody> Problem(string url, int status = 400)
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.StatusCodeShouldBe(status);
                s.ContentTypeShouldBe("application/problem+json");
            });
            return System.Text.Json.JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), TestSupport.ScenarioExtensions.Json)!;
        }

        foreach (var url in new[] { $"/api/units/{Unit}/worklists/overdue-lines", $"/api/units/{Unit}/worklists/overdue-lines/xlsx" })
        {
            var malformed = await Problem(url + "?asOf=25/11/2026");
            var error = malformed.FieldErrors!.ShouldHaveSingleItem();
            (error.Field, error.Code).ShouldBe(("asOf", "invalid-date"));
            error.Vi.ShouldBe("Ngày phải theo dạng yyyy-MM-dd.");
            error.En.ShouldBe("The date must be yyyy-MM-dd.");

            var several = await Problem(url + $"?asOf=0001-01-01&audience={new string('3', 21)}&linePrefix=3%07");
            several.FieldErrors!.Select(e => (e.Field, e.Code)).ShouldBe([("asOf", "out-of-range"), ("audience", "too-long"), ("linePrefix", "control-characters")]);
            several.FieldErrors!.ShouldAllBe(e => e.Vi.Length > 0 && e.En.Length > 0 && e.Vi != e.En);
        }

        await Problem("/api/units/no-such-unit/worklists/overdue-lines", 404);
        await Problem("/api/units/no-such-unit/worklists/overdue-lines/xlsx", 404);
    }

    [Fact]
    public async Task An_officer_of_another_unit_and_a_partner_are_refused()
    {
        foreach (var token in new[]
        {
            TestTokens.For(ServiceDefaults.Security.PlatformRoles.DistrictOfficer, OtherUnit),
            TestTokens.For(ServiceDefaults.Security.PlatformRoles.Partner, Unit, organisation: Guid.CreateVersion7()),
        })
        {
            await fixture.Host.Scenario(s =>
            {
                s.Get.Url($"/api/units/{Unit}/worklists/overdue-lines/xlsx?asOf={AsOf}");
                s.WithRequestHeader("Authorization", $"Bearer {token}");
                s.StatusCodeShouldBe(403);
            });
        }
    }
}
