using System.Globalization;
using System.Text.Json;
using BhxhPlatform.Contracts;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// The plan lines behind schedule as their people read them: a district officer (the working lists' tab) and the
/// province administrator (the menu), against Planning's own list for the same day and filters, and its Excel download.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class OverdueLinesJourneyTests(StackFixture stack)
{
    private const string District = "dinh-quan";
    private const string Officer = "officer.dinh-quan";

    /// <summary>
    /// The last day of the plan year: eleven months are past on it whatever today is (in January nothing of the
    /// year is due yet), and a day to come is a day Planning reads the schedule for like any other.
    /// </summary>
    private static DateOnly Day => new(Given.ThisYear, 12, 31);

    private static string Typed(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> PlanningListAsync(string user, string unit, string query)
    {
        using var planning = await stack.ApiAsync(ServiceNames.Planning, user);
        var list = await Given.GetAsync(planning, $"/api/units/{unit}/worklists/overdue-lines?asOf={Typed(Day)}{query}");
        return [.. list.GetProperty("lines").EnumerateArray()];
    }

    /// <summary>The page's rows as Planning's lines: the same lines in the same order, each as far behind.</summary>
    private static async Task ExpectSameLinesAsync(IPage page, List<JsonElement> lines)
    {
        var rows = page.GetByTestId("overdue-lines").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-line", lines[i].GetProperty("code").GetString()!);
            await Expect(rows.Nth(i).GetByTestId("behind"))
                .ToHaveTextAsync(lines[i].GetProperty("behind").GetInt32().ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
        }
    }

    [Fact]
    public async Task An_officer_and_the_province_find_the_lines_behind_schedule_as_Planning_lists_them_and_download_them()
    {
        var given = new Given(stack);
        await given.AccountAsync(District, Officer, "Cán bộ truyền thông BHXH Định Quán", "district-officer");
        await given.ApprovedPlanAsync(District, Officer, Given.ThisYear);
        var all = await PlanningListAsync(Officer, District, "");
        all.ShouldNotBeEmpty(); // every line has a yearly target and nothing is logged: the monthly ones are behind
        var audience = all[0].GetProperty("audienceCode").GetString()!;
        var ofAudience = await PlanningListAsync(Officer, District, $"&audience={Uri.EscapeDataString(audience)}");
        ofAudience.ShouldAllBe(l => l.GetProperty("audienceCode").GetString() == audience);

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Officer);
            await page.MenuAsync("Việc cần làm");
            await page.GetByRole(AriaRole.Link, new() { Name = "Dòng kế hoạch chậm tiến độ" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dòng kế hoạch chậm tiến độ");

            await page.GetByLabel("Tính đến ngày").FillAsync(Typed(Day));
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("summary")).ToContainTextAsync($"{all.Count} dòng kế hoạch năm {Given.ThisYear}");
            await ExpectSameLinesAsync(page, all);
            await browser.SeenAsync("overdue-lines");
            await browser.ForReadmeAsync("overdue-lines");

            // One audience group's lines: the filter goes to Planning, and to the download.
            await page.GetByLabel("Nhóm đối tượng").SelectOptionAsync(audience);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
            await ExpectSameLinesAsync(page, ofAudience);

            var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").ClickAsync());
            excel.SuggestedFilename.ShouldBe($"dong-cham-tien-do-{District}-{Typed(Day)}.xlsx");
            using var workbook = SpreadsheetDocument.Open((await excel.PathAsync())!, false);
            new OpenXmlValidator().Validate(workbook).Select(e => e.Description).ShouldBeEmpty();
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
            foreach (var line in ofAudience)
            {
                cells.ShouldContain(r => r.Contains(line.GetProperty("code").GetString()!));
            }

            foreach (var line in all.Where(l => l.GetProperty("audienceCode").GetString() != audience))
            {
                cells.ShouldNotContain(r => r.Contains(line.GetProperty("code").GetString()!));
            }
        }

        // The province administrator reads every unit's lines, with the unit named; Định Quán's are Planning's.
        var province = await PlanningListAsync(Given.ProvinceAdmin, Given.Province, "");
        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Given.ProvinceAdmin);
            await page.MenuAsync("Dòng chậm tiến độ");
            await page.GetByLabel("Tính đến ngày").FillAsync(Typed(Day));
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
            var rows = page.GetByTestId("overdue-lines").Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(province.Count);
            var mine = province.Count(l => l.GetProperty("unit").GetString() == District);
            mine.ShouldBe(all.Count);
            await Expect(rows.Filter(new() { HasText = "Định Quán" })).ToHaveCountAsync(mine);
            await Expect(page.GetByTestId("overdue-lines").Locator("thead")).ToContainTextAsync("Đơn vị");
            await browser.SeenAsync("overdue-lines-province");
        }
    }
}
