using System.Text.Json;
using System.Text.RegularExpressions;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>A district officer's work through the portal's pages (signed in at the identity service, code + PKCE).</summary>
[Collection(StackCollection.Name)]
public sealed class OfficerJourneyTests(StackFixture stack)
{
    private const string District = "bien-hoa";
    private const string Officer = "officer.bien-hoa";

    [Fact]
    public async Task An_officer_signs_in_through_the_identity_service_finds_the_approved_plan_with_the_services_figures_and_signs_out()
    {
        var year = Given.ThisYear;
        var plan = await new Given(stack).ApprovedPlanAsync(District, Officer, year);
        var report = await ProgressAsync(year);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);

        // Home: this month's work of the unit.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Công việc tháng {today.Month:00}/{today.Year}");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Cán bộ truyền thông BHXH Biên Hòa");
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Đã duyệt");
        var due = report.GetProperty("lines").EnumerateArray()
            .Count(l => l.GetProperty("months").EnumerateArray().FirstOrDefault(m => m.GetProperty("period").GetInt32() == today.Month) is { ValueKind: JsonValueKind.Object } m
                && m.GetProperty("expected").GetInt32() > m.GetProperty("logged").GetInt32());
        await Expect(page.GetByTestId("due-lines").Locator("tbody tr")).ToHaveCountAsync(due);
        await browser.SeenAsync("home");

        // The plan: every line with Planning's own figures.
        await page.MenuAsync("Kế hoạch");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Kế hoạch truyền thông năm {year}");
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Đã duyệt");
        await Expect(page.GetByTestId("plan-progress")).ToHaveTextAsync(
            $"đã thực hiện {Portal.Number(report.GetProperty("logged").GetInt32())} hoạt động; " +
            $"cần đến nay {Portal.Number(report.GetProperty("expectedByNow").GetInt32())}; cả năm {Portal.Number(report.GetProperty("expectedYear").GetInt32())}");
        var rows = await PlanRowsAsync(page);
        rows.Keys.ShouldBe(plan.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetProperty("code").GetString()!), ignoreOrder: true);
        foreach (var line in report.GetProperty("lines").EnumerateArray())
        {
            var code = line.GetProperty("code").GetString()!;
            rows[code].ShouldBe(
                [Portal.Number(line.GetProperty("expectedYear").GetInt32()), Portal.Number(line.GetProperty("expectedByNow").GetInt32()),
                 Portal.Number(line.GetProperty("logged").GetInt32()), Portal.Number(line.GetProperty("peopleReached").GetInt32())],
                $"line {code}: target, expected by now, logged, people reached");
        }

        await browser.SeenAsync("plan");

        await browser.SignOutAsync(stack);
        await page.GotoAsync(new Uri(stack.Portal, "/plan").AbsoluteUri);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(stack.Identity.GetLeftPart(UriPartial.Authority)) + "/signin"));
        await browser.SeenAsync("sign-in-again");
    }

    private async Task<JsonElement> ProgressAsync(int year)
    {
        using var planning = await stack.ApiAsync(ServiceNames.Planning, Officer);
        return await Given.GetAsync(planning, $"/api/units/{District}/progress/years/{year}");
    }

    /// <summary>The plan table as shown: per line code, its target, expected by now, logged and people reached (text, first number of a cell).</summary>
    private static async Task<Dictionary<string, string[]>> PlanRowsAsync(IPage page)
    {
        var rows = await page.GetByTestId("plan-lines").EvaluateAsync<string[][]>("""
            table => [...table.tBodies[0].rows].map(row => [
                row.dataset.line,
                ...[5, 6, 7, 8].map(i => row.cells[i].childNodes[0].textContent.trim())])
            """);
        return rows.ToDictionary(r => r[0], r => r[1..]);
    }
}
