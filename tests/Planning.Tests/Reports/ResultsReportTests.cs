using System.Globalization;
using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Reports;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Wolverine.Tracking;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace BhxhPlatform.Planning.Tests.Reports;

/// <summary>
/// Reports of a unit and of the province, fed by activities in and out of the period: the figures are the
/// progress endpoint's (state at the end day less the state the day before the period), in JSON, Word and Excel.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class ResultsReportTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Unit = DistrictPlanTestData.District;
    private const string OtherUnit = "long-khanh";
    private const string Province = TemplateTestData.Province;
    private const string Line = "3.1.01";
    private const string AsOf = "2026-11-25";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(Guid plan, int month, int day, int reached, string line = Line) => new(
        Guid.NewGuid(), plan, line, line[..line.LastIndexOf('.')], "DirectContact", null, new DateOnly(2026, month, day), reached, []);

    /// <summary>An adopted, submitted and approved plan of <paramref name="unit"/> with 12 activities a year on 3.1.01.</summary>
    private async Task<Guid> ApprovedPlanAsync(string unit)
    {
        var id = await fixture.Host.AdoptedPlanAsync(unit);
        await fixture.Host.StepAsync(id, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput(Line, 12, null, null)], 6000, []), unit);
        await fixture.Host.SubmitAsync(id, unit);
        await fixture.Host.ApproveAsync(id, unit);
        return id;
    }

    /// <summary>
    /// Bien Hoa's year on 3.1.01: one activity in September, one in October, two in November up to the 25th, one in
    /// November after it, one in December, one voided in November; a training on 6.01 and an enrolment in November.
    /// </summary>
    private async Task<Guid> FeedUnitAsync()
    {
        var plan = await ApprovedPlanAsync(Unit);
        foreach (var activity in new[]
        {
            Activity(plan, 9, 10, 10), Activity(plan, 10, 5, 20), Activity(plan, 11, 3, 30), Activity(plan, 11, 20, 40),
            Activity(plan, 11, 28, 50), Activity(plan, 12, 2, 60),
        })
        {
            await fixture.Host.InvokeMessageAndWaitAsync(activity, Unit);
        }

        var voided = Activity(plan, 11, 10, 1000);
        await fixture.Host.InvokeMessageAndWaitAsync(voided, Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new ActivityVoided(voided.ActivityId, "Ghi nhầm"), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new TrainingHeld(Guid.NewGuid(), null, new DateOnly(2026, 11, 12), 25, "6.01"), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(
            new EnrolmentsRecorded(Guid.NewGuid(), "VoluntarySocialInsurance", 4, new DateOnly(2026, 11, 15), plan, Line, null, null, null), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(
            new EnrolmentsRecorded(Guid.NewGuid(), "VoluntarySocialInsurance", 3, new DateOnly(2026, 9, 15), plan, Line, null, null, null), Unit);
        return plan;
    }

    private Task<ResultsReport> ReportAsync(string unit, string period, string asOf = AsOf) =>
        fixture.Host.GetJsonAsync<ResultsReport>($"/api/units/{unit}/reports/2026/{period}?asOf={asOf}");

    private Task<ProgressReport> ProgressAsync(string unit, string asOf) =>
        fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{unit}/progress/years/2026?asOf={asOf}");

    /// <summary>The response's bytes, read through Alba's own reading of the body (which copies a body it cannot rewind).</summary>
    private async Task<(byte[] Bytes, string? ContentType, string? Disposition)> DownloadAsync(string url)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        var bytes = await ((ScenarioResult)result).ReadAsync(async body =>
        {
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            return copy.ToArray();
        });
        return (bytes, result.Context.Response.ContentType, result.Context.Response.Headers.ContentDisposition.ToString());
    }

    [Fact]
    public async Task A_month_counts_what_was_done_in_it_up_to_the_day_and_nothing_before_after_or_voided()
    {
        await FeedUnitAsync();

        var report = await ReportAsync(Unit, "m11");

        report.PeriodText.ShouldBe("tháng 11 năm 2026");
        report.Title.ShouldBe("Kết quả thực hiện kế hoạch truyền thông tháng 11 năm 2026");
        report.FirstDay.ShouldBe(new DateOnly(2026, 11, 1));
        report.End.ShouldBe(new DateOnly(2026, 11, 25));
        report.Issuer.IssuingBody.ShouldBe("BẢO HIỂM XÃ HỘI THÀNH PHỐ BIÊN HÒA");
        report.Issuer.SuperiorBody.ShouldBe("BẢO HIỂM XÃ HỘI TỈNH ĐỒNG NAI");
        report.Issuer.Place.ShouldBe("Biên Hòa");
        var line = report.Lines.Single(l => l.Code == Line);
        line.Target.ShouldBe(1);
        line.Achieved.ShouldBe(2);
        line.PeopleReached.ShouldBe(70);
        line.ExpectedYear.ShouldBe(12);
        line.AchievedYear.ShouldBe(4);
        line.Percent.ShouldBe(200m);
        var training = report.Lines.Single(l => l.Code == "6.01");
        training.Achieved.ShouldBe(1);
        training.PeopleReached.ShouldBe(25);
        report.Totals.Achieved.ShouldBe(3);
        report.Totals.PeopleReached.ShouldBe(95);
        report.Totals.Enrolled.ShouldBe(4);
        report.Totals.EnrolledYear.ShouldBe(7);
        report.Totals.Units.ShouldBe(1);
        report.Totals.ApprovedPlans.ShouldBe(1);
        report.Units.ShouldHaveSingleItem().Achieved.ShouldBe(3);
        report.Audiences.Single(a => a.Code == "3.1").Achieved.ShouldBe(2);
        report.Audiences.Sum(a => a.Achieved).ShouldBe(3);

        // The progress endpoint's own figures: at the end day, less the day before the period.
        var atEnd = await ProgressAsync(Unit, AsOf);
        var before = await ProgressAsync(Unit, "2026-10-31");
        report.Totals.Achieved.ShouldBe(atEnd.Logged - before.Logged);
        report.Totals.PeopleReached.ShouldBe(atEnd.PeopleReached - before.PeopleReached);
        report.Totals.AchievedYear.ShouldBe(atEnd.Logged);
        report.Totals.ExpectedYear.ShouldBe(atEnd.ExpectedYear);
        report.Totals.Target.ShouldBe(atEnd.Lines.Sum(l => l.Months.Single(m => m.Period == 11).Expected));
        report.Totals.LinesBehind.ShouldBe(atEnd.Lines.Where(l => l.Overdue).Select(l => l.Code).Distinct().Count());
    }

    [Fact]
    public async Task A_quarter_counts_its_three_months_and_a_past_month_stops_at_its_last_day()
    {
        await FeedUnitAsync();

        var quarter = await ReportAsync(Unit, "q4");
        var october = await ReportAsync(Unit, "m10");
        var year = await ReportAsync(Unit, "year");

        quarter.PeriodText.ShouldBe("quý IV năm 2026");
        var line = quarter.Lines.Single(l => l.Code == Line);
        line.Target.ShouldBe(3);
        line.Achieved.ShouldBe(3);
        line.PeopleReached.ShouldBe(90);
        quarter.Totals.Achieved.ShouldBe(4);
        quarter.Totals.Enrolled.ShouldBe(4);

        october.End.ShouldBe(new DateOnly(2026, 10, 31));
        october.Lines.Single(l => l.Code == Line).Achieved.ShouldBe(1);
        october.Totals.PeopleReached.ShouldBe(20);
        october.Totals.Enrolled.ShouldBe(0);

        year.PeriodText.ShouldBe("năm 2026");
        year.Lines.Single(l => l.Code == Line).Achieved.ShouldBe(4);
        year.Lines.Single(l => l.Code == Line).Target.ShouldBe(12);
        year.Totals.Achieved.ShouldBe((await ProgressAsync(Unit, AsOf)).Logged);
        year.Totals.Enrolled.ShouldBe(7);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_an_unknown_unit_is_a_404()
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

        foreach (var period in new[] { "m13", "m0", "q5", "w1", "m01" })
        {
            var problem = await Problem($"/api/units/{Unit}/reports/2026/{period}?asOf={AsOf}");
            problem.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("unknown-period");
            problem.FieldErrors![0].Field.ShouldBe("period");
        }

        (await Problem($"/api/units/{Unit}/reports/2026/m11/docx?asOf=25/11/2026")).FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("invalid-date");
        var before = await Problem($"/api/units/{Unit}/reports/2026/q4/xlsx?asOf=2026-09-30");
        before.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("before-period");
        before.FieldErrors![0].Vi.ShouldContain("trước kỳ báo cáo");
        var several = await Problem($"/api/units/{Unit}/reports/1990/x?asOf=never");
        several.FieldErrors!.Select(e => (e.Field, e.Code)).ShouldBe([("year", "out-of-range"), ("period", "unknown-period"), ("asOf", "invalid-date")]);

        await Problem("/api/units/no-such-unit/reports/2026/m11", 404);
        await Problem("/api/units/no-such-unit/reports/2026/m11/docx", 404);
        await Problem($"/api/units/{Unit}.trang-dai/reports/2026/m11", 404);
    }

    [Fact]
    public async Task The_word_report_is_valid_open_xml_in_the_administrative_layout_with_its_figures_and_a_chart()
    {
        await FeedUnitAsync();
        var report = await ReportAsync(Unit, "m11");

        var (bytes, contentType, disposition) = await DownloadAsync($"/api/units/{Unit}/reports/2026/m11/docx?asOf={AsOf}");

        contentType.ShouldBe(GetResultsReportDocxEndpoint.ContentType);
        disposition!.ShouldContain("bao-cao-ket-qua-bien-hoa-2026-m11.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        paragraphs.ShouldContain("Độc lập - Tự do - Hạnh phúc");
        paragraphs.ShouldContain("BẢO HIỂM XÃ HỘI TỈNH ĐỒNG NAI");
        paragraphs.ShouldContain("BẢO HIỂM XÃ HỘI THÀNH PHỐ BIÊN HÒA");
        paragraphs.ShouldContain("Số: ……/BC-BHXH");
        paragraphs.ShouldContain("Biên Hòa, ngày 25 tháng 11 năm 2026");
        paragraphs.ShouldContain("BÁO CÁO");
        paragraphs.ShouldContain("Kết quả thực hiện kế hoạch truyền thông tháng 11 năm 2026");
        paragraphs.ShouldContain("Nơi nhận:");
        paragraphs.ShouldContain("GIÁM ĐỐC");
        foreach (var section in new[] { "I. ", "II. ", "III. ", "IV. ", "V. ", "VI. ", "VII. " })
        {
            paragraphs.ShouldContain(p => p.StartsWith(section, StringComparison.Ordinal));
        }

        paragraphs.ShouldContain($"- Số hoạt động truyền thông theo kế hoạch trong kỳ: {report.Totals.Target}; đã thực hiện: 3, đạt {ResultsReport.Percent(report.Totals.Percent)} kế hoạch kỳ.");
        paragraphs.ShouldContain(p => p.StartsWith("- Số lượt người được tiếp cận trong kỳ: 95;", StringComparison.Ordinal));

        // The plan line's row: code, form, units, target, achieved, share, year's target, year to date, people reached,
        // units behind schedule (4 done of the 10 due by the end of October).
        var row = body.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).Single(r => r[0] == Line);
        row[2..].ShouldBe(["1", "1", "2", "200", "12", "4", "70", "1"]);
        var assessment = paragraphs.SkipWhile(p => !p.StartsWith("VII. ", StringComparison.Ordinal)).ToList();
        assessment.ShouldContain(p => p.Contains("chậm tiến độ", StringComparison.Ordinal));
        report.LinesBehind().ShouldAllBe(l => assessment.Any(p => p.Contains(l.Code, StringComparison.Ordinal)));

        var chart = document.MainDocumentPart.ChartParts.ShouldHaveSingleItem();
        var bars = chart.ChartSpace!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChart>().ShouldHaveSingleItem();
        var series = bars.Elements<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().ToList();
        series.Count.ShouldBe(2);
        var categories = series[0].GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.CategoryAxisData>()!
            .Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Select(p => p.InnerText).ToList();
        series.Select(s => s.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.SeriesText>()!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Single().InnerText).ShouldBe(["Kế hoạch", "Thực hiện"]);
        var achieved = series[1].Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => p.InnerText).ToList();
        achieved[categories.IndexOf(Line)].ShouldBe("2");
        var embedded = chart.EmbeddedPackagePart.ShouldNotBeNull();
        using (var data = SpreadsheetDocument.Open(embedded.GetStream(), false))
        {
            var sheet1 = Rows(data.WorkbookPart!, "Sheet1");
            sheet1[0].Select(c => c.Text).ShouldBe(["", "Kế hoạch", "Thực hiện"]);
            Number(sheet1, Line, 2).ShouldBe(2);
        }

        body.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>().ShouldHaveSingleItem()
            .Id!.Value.ShouldBe(document.MainDocumentPart.GetIdOfPart(chart));
    }

    [Fact]
    public async Task Months_schemes_and_trainings_add_up_to_the_totals_and_the_progress_api()
    {
        var plan = await FeedUnitAsync();
        await fixture.Host.InvokeMessageAndWaitAsync(
            new EnrolmentsRecorded(Guid.NewGuid(), "HouseholdHealthInsurance", 5, new DateOnly(2026, 11, 18), plan, Line, null, null, null), Unit);

        var report = await ReportAsync(Unit, "q4");
        var atEnd = await ProgressAsync(Unit, AsOf);

        report.Months.Select(m => m.Month).ShouldBe(Enumerable.Range(1, 12)); // to the quarter's last month, December not yet done
        foreach (var month in report.Months)
        {
            month.Target.ShouldBe(atEnd.Lines.Sum(l => l.Months.Single(m => m.Period == month.Month).Expected));
            month.Achieved.ShouldBe(atEnd.Lines.Sum(l => l.Months.Single(m => m.Period == month.Month).Logged));
        }

        report.Months.Where(m => m.Month >= 10).Sum(m => m.Achieved).ShouldBe(report.Totals.Achieved);
        report.Months.Where(m => m.Month >= 10).Sum(m => m.Target).ShouldBe(report.Totals.Target);
        report.Months.Sum(m => m.Achieved).ShouldBe(atEnd.Logged);

        report.Schemes.Select(s => (s.Name, s.Enrolled, s.EnrolledYear)).ShouldBe([("BHXH tự nguyện", 4, 7), ("BHYT hộ gia đình", 5, 5)]);
        report.Schemes.Sum(s => s.Enrolled).ShouldBe(report.Totals.Enrolled);
        report.Schemes.Sum(s => s.EnrolledYear).ShouldBe(atEnd.Enrolled);

        report.Trainings.ShouldBe(new ReportTrainings(1, 25, 1, 25));
    }

    private static AgreementSigned Agreement(Guid id, string kind, DateOnly startsOn, DateOnly endsOn) =>
        new(id, kind, [Guid.NewGuid()], ["3.1"], ["Conference"], [Line], startsOn, endsOn, 4, null, 1);

    [Fact]
    public async Task Agreements_are_counted_in_force_begun_ended_and_ending_soon_by_kind()
    {
        await FeedUnitAsync();
        var (programme, begun, terminated, expired) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.InvokeMessageAndWaitAsync(Agreement(programme, "Programme", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(Agreement(begun, "Contract", new DateOnly(2026, 10, 15), new DateOnly(2026, 12, 20)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(Agreement(terminated, "Contract", new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 31)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new AgreementEnded(terminated, "Terminated", new DateOnly(2026, 11, 10)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(Agreement(expired, "Programme", new DateOnly(2025, 1, 1), new DateOnly(2026, 10, 31)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new AgreementEnded(expired, "Expired", new DateOnly(2026, 10, 31)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(Agreement(Guid.NewGuid(), "Programme", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1)), OtherUnit);

        var report = await ReportAsync(Unit, "q4");

        // As of 25 November: the contract begun on 15 October ends on 20 December (within 30 days); the other,
        // terminated on 10 November, and the programme expired on 31 October ended in the quarter.
        report.Agreements.ShouldBe([
            new ReportAgreements("Contract", "Hợp đồng", InForce: 1, Started: 1, Ended: 1, EndingSoon: 1),
            new ReportAgreements("Programme", "Chương trình phối hợp", InForce: 1, Started: 0, Ended: 1, EndingSoon: 0)]);
        var table = report.AgreementTable();
        table.Rows[^1].Select(c => c.Display).ShouldBe(["Tổng cộng", "2", "1", "2", "1"]);
    }

    [Fact]
    public async Task Commendations_from_partners_count_once_unless_withdrawn_even_when_the_withdrawal_comes_first()
    {
        await FeedUnitAsync();
        await ApprovedPlanAsync(OtherUnit);
        var (organisation, person, mistaken, early) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var awarded = new CommendationConferred(organisation, 2026, Guid.NewGuid(), new DateOnly(2026, 11, 20));
        await fixture.Host.InvokeMessageAndWaitAsync(awarded, Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(awarded, Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationConferred(person, 2025, null, new DateOnly(2026, 3, 10)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationConferred(mistaken, 2026, null, new DateOnly(2026, 11, 1)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationRevoked(mistaken), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationRevoked(early), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationConferred(early, 2026, Guid.NewGuid(), new DateOnly(2026, 11, 2)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationConferred(Guid.NewGuid(), 2025, null, new DateOnly(2025, 12, 20)), Unit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationConferred(Guid.NewGuid(), 2026, null, new DateOnly(2026, 11, 20)), OtherUnit);
        await fixture.Host.InvokeMessageAndWaitAsync(new CommendationConferred(Guid.NewGuid(), 2026, null, new DateOnly(2026, 11, 24)), Unit);

        var quarter = await ReportAsync(Unit, "q4");
        var before = await ReportAsync(Unit, "q4", "2026-11-23");

        quarter.Commendations.ShouldBe(new ReportCommendations(Collectives: 1, Persons: 1, CollectivesYear: 1, PersonsYear: 2));
        before.Commendations.ShouldBe(new ReportCommendations(Collectives: 1, Persons: 0, CollectivesYear: 1, PersonsYear: 1));
        quarter.CommendationTable().Rows[^1].Select(c => c.Display).ShouldBe(["Tổng cộng", "2", "3"]);

        // The province's report holds its units' commendations (one more person in Long Khánh).
        var province = await ReportAsync(Province, "q4");
        province.Commendations.ShouldBe(new ReportCommendations(1, 2, 1, 3));
    }

    [Fact]
    public async Task The_word_and_excel_files_carry_the_progress_apis_figures_of_the_same_day_line_by_line()
    {
        await FeedUnitAsync();
        // What the progress endpoint says of November up to the 25th: the state that day less the state on 31 October.
        var atEnd = await ProgressAsync(Unit, AsOf);
        var before = await ProgressAsync(Unit, "2026-10-31");
        var expected = atEnd.Lines.Select(l =>
        {
            var earlier = before.Lines.Single(b => b.Code == l.Code);
            return (l.Code, Achieved: l.Logged - earlier.Logged, People: l.PeopleReached - earlier.PeopleReached, l.ExpectedYear, Year: l.Logged);
        }).ToList();
        expected.ShouldContain(e => e.Achieved > 0);

        var (word, _, _) = await DownloadAsync($"/api/units/{Unit}/reports/2026/m11/docx?asOf={AsOf}");
        using (var document = WordprocessingDocument.Open(new MemoryStream(word), false))
        {
            // The lines table: code, form, units, target, achieved, share, year's target, year to date, people reached, units behind.
            var rows = document.MainDocumentPart!.Document!.Body!.Descendants<W.TableRow>()
                .Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList())
                .Where(r => r.Count == 10)
                .ToList();
            foreach (var line in expected)
            {
                var row = rows.First(r => r[0] == line.Code);
                (row[4], row[6], row[7], row[8]).ShouldBe(
                    (line.Achieved.ToString(CultureInfo.InvariantCulture), line.ExpectedYear.ToString(CultureInfo.InvariantCulture),
                     line.Year.ToString(CultureInfo.InvariantCulture), line.People.ToString(CultureInfo.InvariantCulture)),
                    $"line {line.Code} in the Word report");
            }
        }

        var (excel, _, _) = await DownloadAsync($"/api/units/{Unit}/reports/2026/m11/xlsx?asOf={AsOf}");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(excel), false);
        var sheet = CellsByReference(workbook.WorkbookPart!, ExcelReport.LinesSheet);
        foreach (var line in expected)
        {
            // Column A the code, E achieved in the period, I people reached (a blank share leaves no cell, so by reference).
            var row = sheet.Single(r => r.GetValueOrDefault("A") == line.Code);
            (row.GetValueOrDefault("E"), row.GetValueOrDefault("I")).ShouldBe(
                (line.Achieved.ToString(CultureInfo.InvariantCulture), line.People.ToString(CultureInfo.InvariantCulture)), $"line {line.Code} in the workbook");
        }

        Number(Rows(workbook.WorkbookPart!, ExcelReport.TotalsSheet), "Số hoạt động đã thực hiện trong kỳ", 1).ShouldBe(atEnd.Logged - before.Logged);
    }

    [Fact]
    public async Task The_excel_report_has_the_word_reports_tables_as_sheets_with_numbers_as_number_cells()
    {
        await FeedUnitAsync();
        var report = await ReportAsync(Unit, "q4");

        var (bytes, contentType, _) = await DownloadAsync($"/api/units/{Unit}/reports/2026/q4/xlsx?asOf={AsOf}");

        contentType.ShouldBe(GetResultsReportXlsxEndpoint.ContentType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        workbook.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value)
            .ShouldBe([
                ExcelReport.TotalsSheet, ExcelReport.UnitsSheet, ExcelReport.AudiencesSheet, ExcelReport.LinesSheet, ExcelReport.ChartSheet,
                ExcelReport.MonthsSheet, ExcelReport.SchemesSheet, ExcelReport.AgreementsSheet, ExcelReport.TrainingsSheet, ExcelReport.CommendationsSheet]);

        var totals = Rows(workbook, ExcelReport.TotalsSheet);
        Number(totals, "Số hoạt động đã thực hiện trong kỳ", 1).ShouldBe(4);
        Number(totals, "Số hoạt động kế hoạch trong kỳ", 1).ShouldBe(report.Totals.Target);
        Number(totals, "Lượt người được tiếp cận trong kỳ", 1).ShouldBe(115);
        Number(totals, "Người tham gia mới trong kỳ", 1).ShouldBe(4);
        var lines = Rows(workbook, ExcelReport.LinesSheet);
        Number(lines, Line, 3).ShouldBe(3);
        Number(lines, Line, 4).ShouldBe(3);
        Number(lines, Line, 8).ShouldBe(90);
        var units = Rows(workbook, ExcelReport.UnitsSheet);
        Number(units, Unit, 4).ShouldBe(4);
        units.Single(r => r[0].Text == Unit)[2].Text.ShouldBe("Đã phê duyệt");
        var audiences = Rows(workbook, ExcelReport.AudiencesSheet);
        Number(audiences, "3.1", 3).ShouldBe(3);

        // The Word report's chart, native on a sheet of its own, drawn from that sheet's cells: the lines with something
        // due or done, planned and done as the lines sheet has them.
        var chartSheet = SheetPart(workbook, ExcelReport.ChartSheet);
        var drawing = chartSheet.DrawingsPart.ShouldNotBeNull();
        chartSheet.Worksheet!.Elements<Drawing>().ShouldHaveSingleItem().Id!.Value.ShouldBe(chartSheet.GetIdOfPart(drawing));
        var chart = drawing.ChartParts.ShouldHaveSingleItem();
        drawing.WorksheetDrawing!.Descendants<C.ChartReference>().ShouldHaveSingleItem().Id!.Value.ShouldBe(drawing.GetIdOfPart(chart));
        var series = chart.ChartSpace!.Descendants<C.BarChart>().ShouldHaveSingleItem().Elements<C.BarChartSeries>().ToList();
        series.Count.ShouldBe(2);
        var quoted = $"'{ExcelReport.ChartSheet}'";
        series.Select(s => s.SeriesText!.Descendants<C.Formula>().Single().Text).ShouldBe([$"{quoted}!$B$5", $"{quoted}!$C$5"]);
        series.Select(s => Referenced(workbook, s.SeriesText!.Descendants<C.Formula>().Single().Text).Single()).ShouldBe(["Kế hoạch", "Thực hiện"]);
        var expected = report.Lines.Where(l => l.Target > 0 || l.Achieved > 0).ToList();
        expected.ShouldContain(l => l.Code == Line);
        var last = 5 + expected.Count;
        foreach (var each in series)
        {
            each.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text.ShouldBe($"{quoted}!$A$6:$A${last}");
            Referenced(workbook, each.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text).ShouldBe(expected.Select(l => l.Code));
            each.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.InnerText).ShouldBe(expected.Select(l => l.Code));
        }

        var (planned, done) = (series[0].GetFirstChild<C.Values>()!, series[1].GetFirstChild<C.Values>()!);
        planned.Descendants<C.Formula>().Single().Text.ShouldBe($"{quoted}!$B$6:$B${last}");
        done.Descendants<C.Formula>().Single().Text.ShouldBe($"{quoted}!$C$6:$C${last}");
        Referenced(workbook, planned.Descendants<C.Formula>().Single().Text).ShouldBe(expected.Select(l => l.Target.ToString(CultureInfo.InvariantCulture)));
        Referenced(workbook, done.Descendants<C.Formula>().Single().Text).ShouldBe(expected.Select(l => l.Achieved.ToString(CultureInfo.InvariantCulture)));
        done.Descendants<C.NumericPoint>().Select(p => p.InnerText).ShouldBe(expected.Select(l => l.Achieved.ToString(CultureInfo.InvariantCulture)));
        var line = expected.FindIndex(l => l.Code == Line);
        Referenced(workbook, done.Descendants<C.Formula>().Single().Text)[line].ShouldBe(Number(lines, Line, 4)!.Value.ToString(CultureInfo.InvariantCulture));
        Referenced(workbook, planned.Descendants<C.Formula>().Single().Text)[line].ShouldBe(Number(lines, Line, 3)!.Value.ToString(CultureInfo.InvariantCulture));
    }

    private static WorksheetPart SheetPart(WorkbookPart workbook, string sheet) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!);

    /// <summary>The cells a chart's formula names (<c>'Sheet name'!$A$6:$A$9</c>, or one cell), as text or number text, in order.</summary>
    private static List<string> Referenced(WorkbookPart workbook, string formula)
    {
        var bang = formula.LastIndexOf('!');
        var sheet = formula[..bang].Trim('\'').Replace("''", "'", StringComparison.Ordinal);
        var range = formula[(bang + 1)..].Replace("$", "", StringComparison.Ordinal).Split(':');
        var (from, to) = (range[0], range[^1]);
        var column = new string(from.TakeWhile(char.IsLetter).ToArray());
        new string(to.TakeWhile(char.IsLetter).ToArray()).ShouldBe(column, "a chart's range is one column");
        var (first, last) = (int.Parse(from[column.Length..], CultureInfo.InvariantCulture), int.Parse(to[column.Length..], CultureInfo.InvariantCulture));
        var cells = SheetPart(workbook, sheet).Worksheet!.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        return [.. Enumerable.Range(first, last - first + 1).Select(row => cells[$"{column}{row}"]).Select(c =>
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text)];
    }

    [Fact]
    public async Task A_province_report_sums_its_units()
    {
        var bienHoa = await FeedUnitAsync();
        var longKhanh = await ApprovedPlanAsync(OtherUnit);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity(longKhanh, 11, 4, 7), OtherUnit);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity(longKhanh, 10, 4, 9), OtherUnit);
        bienHoa.ShouldNotBe(longKhanh);

        var province = await ReportAsync(Province, "m11");
        var units = new[] { await ReportAsync(Unit, "m11"), await ReportAsync(OtherUnit, "m11") };

        province.Issuer.Province.ShouldBeTrue();
        province.Issuer.IssuingBody.ShouldBe("BẢO HIỂM XÃ HỘI TỈNH ĐỒNG NAI");
        province.Issuer.SuperiorBody.ShouldBe("BẢO HIỂM XÃ HỘI VIỆT NAM");
        province.Issuer.Place.ShouldBe("Đồng Nai");
        province.Units.Select(u => u.Unit).ShouldBe([Unit, OtherUnit], ignoreOrder: true);
        province.Units.Single(u => u.Unit == OtherUnit).Name.ShouldBe("BHXH thành phố Long Khánh");
        province.Totals.Units.ShouldBe(2);
        province.Totals.Achieved.ShouldBe(units.Sum(u => u.Totals.Achieved));
        province.Totals.Achieved.ShouldBe(4);
        province.Totals.Target.ShouldBe(units.Sum(u => u.Totals.Target));
        province.Totals.PeopleReached.ShouldBe(units.Sum(u => u.Totals.PeopleReached));
        province.Totals.Enrolled.ShouldBe(units.Sum(u => u.Totals.Enrolled));
        var line = province.Lines.Single(l => l.Code == Line);
        line.Units.ShouldBe(2);
        line.Achieved.ShouldBe(3);
        line.Target.ShouldBe(2);
        foreach (var unit in units)
        {
            province.Units.Single(u => u.Unit == unit.Issuer.Unit).Achieved.ShouldBe(unit.Totals.Achieved);
        }

        var (bytes, _, _) = await DownloadAsync($"/api/units/{Province}/reports/2026/m11/docx?asOf={AsOf}");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).ShouldBeEmpty();
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<W.TableRow>()
            .Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows.ShouldContain(r => r.Count > 3 && r[0] == "BHXH thành phố Long Khánh" && r[3] == "1");
        document.MainDocumentPart.ChartParts.ShouldHaveSingleItem().ChartSpace!
            .Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Select(p => p.InnerText).ShouldContain("BHXH thành phố Long Khánh");
    }

    /// <summary>A sheet's rows as text or number by column letter (from each cell's reference).</summary>
    private static List<Dictionary<string, string>> CellsByReference(WorkbookPart workbook, string sheet)
    {
        var id = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(id);
        return [.. part.Worksheet!.Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
            c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? ""))];
    }

    private sealed record CellRead(string? Text, double? Number);

    /// <summary>
    /// A sheet's rows as cells by column (A is 0), a cell the sheet leaves out read as empty so the columns never shift;
    /// text from inline strings, numbers from number cells only.
    /// </summary>
    private static List<List<CellRead>> Rows(WorkbookPart workbook, string sheet)
    {
        var id = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(id);
        static CellRead Read(Cell c) =>
            c.DataType?.Value == CellValues.InlineString
                ? new CellRead(c.InlineString!.InnerText, null)
                : (c.DataType?.Value == CellValues.Number || c.DataType is null) && c.CellValue is { } value
                    ? new CellRead(null, double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture))
                    : new CellRead(null, null);
        static int Column(Cell c) =>
            c.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, letter) => (n * 26) + (letter - 'A' + 1)) - 1;
        return [.. part.Worksheet!.Descendants<Row>().Select(r =>
        {
            var cells = new List<CellRead>();
            foreach (var c in r.Elements<Cell>())
            {
                while (cells.Count < Column(c))
                {
                    cells.Add(new CellRead(null, null));
                }

                cells.Add(Read(c));
            }

            return cells;
        })];
    }

    private static double? Number(List<List<CellRead>> rows, string first, int column) =>
        rows.Single(r => r.Count > 0 && r[0].Text == first)[column].Number;
}
