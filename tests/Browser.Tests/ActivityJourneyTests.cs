using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>A district officer logs, from the plan's lines, one activity of each form the plan offers, and finds each counted.</summary>
[Collection(StackCollection.Name)]
public sealed class ActivityJourneyTests(StackFixture stack)
{
    private const string District = "vinh-cuu";
    private const string Officer = "officer.vinh-cuu";

    [Fact]
    public async Task An_officer_logs_an_activity_of_each_form_from_the_plan_and_sees_each_counted_as_Planning_counts_it()
    {
        var year = Given.ThisYear;
        var plan = await new Given(stack).PlanReadyForActivitiesAsync(District, Officer, "Cán bộ truyền thông BHXH Vĩnh Cửu", year);
        // The first line of each form of communication the plan has.
        var lines = plan.GetProperty("lines").EnumerateArray()
            .Select(l => l.GetProperty("line"))
            .GroupBy(l => l.GetProperty("formKind").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("code").GetString()!);
        lines.Count.ShouldBeGreaterThan(1);
        var before = Logged(await ProgressAsync(year));
        var day = Day();

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Officer);
            var n = 0;
            foreach (var (form, code) in lines)
            {
                await page.MenuAsync("Kế hoạch");
                await page.Locator($"tr[data-line='{code}']").GetByRole(AriaRole.Link, new() { Name = "Ghi hoạt động" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ghi hoạt động truyền thông");
                await FillAsync(page, form, day, ++n);
                if (n == 1)
                {
                    await browser.SeenAsync("log-activity-" + form);
                    await browser.ForReadmeAsync("log-activity");
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hoạt động" }).ClickAsync();
                await SavedAsync(page, form, code);
                await browser.SeenAsync($"logged-{form}");
            }

            // Planning counts each (its messages from Outreach arrive on their own time).
            var report = await EventuallyAsync(year, r => lines.Values.All(code => Logged(r)[code] == before.GetValueOrDefault(code) + 1));
            await page.MenuAsync("Kế hoạch");
            var rows = await PlanRowsAsync(page);
            foreach (var line in report.GetProperty("lines").EnumerateArray())
            {
                var code = line.GetProperty("code").GetString()!;
                rows[code].ShouldBe(
                    [Portal.Number(line.GetProperty("expectedYear").GetInt32()), Portal.Number(line.GetProperty("expectedByNow").GetInt32()),
                     Portal.Number(line.GetProperty("logged").GetInt32()), Portal.Number(line.GetProperty("peopleReached").GetInt32())],
                    $"line {code}: target, expected by now, logged, people reached");
            }

            foreach (var code in lines.Values)
            {
                rows[code][2].ShouldBe(Portal.Number(before.GetValueOrDefault(code) + 1), $"line {code} counts the activity just logged");
            }

            await Expect(page.GetByTestId("plan-progress")).ToContainTextAsync($"đã thực hiện {Portal.Number(report.GetProperty("logged").GetInt32())} hoạt động");
            await browser.SeenAsync("plan-counted");
            await browser.ForReadmeAsync("plan");
            await page.MenuAsync("Trang chủ");
            await browser.SeenAsync("home-after");
            await browser.ForReadmeAsync("officer-home");
        }
    }

    /// <summary>A day of this year already past in Vietnam, so that 08:00–09:30 is never in the future.</summary>
    private static DateOnly Day()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var today = DateOnly.FromDateTime(now.DateTime);
        return now.Hour >= 10 || today.DayOfYear == 1 ? today : today.AddDays(-1);
    }

    /// <summary>Exactly the fields the line's form asks for, as an officer fills them in.</summary>
    private static async Task FillAsync(IPage page, string form, DateOnly day, int n)
    {
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Giờ bắt đầu").FillAsync("08:00");
        await page.GetByLabel("Giờ kết thúc").FillAsync("09:30");
        switch (form)
        {
            case nameof(CommunicationForm.DirectContact):
                await page.GetByLabel("Thành viên 1").FillAsync("Nguyễn Văn An");
                await page.GetByLabel("Thành viên 2").FillAsync("Trần Thị Bình");
                await page.GetByLabel("Số người được tiếp cận").FillAsync("25");
                break;
            case nameof(CommunicationForm.Conference):
                await page.GetByLabel("Số người dự").FillAsync("60");
                foreach (var yes in await page.Locator("[data-testid=conference] input[type=radio][value=true]").AllAsync())
                {
                    await yes.CheckAsync();
                }

                break;
            case nameof(CommunicationForm.MassMedia):
                await page.GetByLabel("Kênh đăng").SelectOptionAsync(new SelectOptionValue { Label = "Facebook" });
                await page.GetByLabel("Đường dẫn bài đăng").FillAsync($"https://www.facebook.com/bhxh.vinhcuu/posts/{n}");
                await page.GetByLabel("Số lượt tiếp cận").FillAsync("1500");
                break;
            case nameof(CommunicationForm.SmsPhone):
                await page.GetByLabel("Tin nhắn SMS").CheckAsync();
                await page.GetByLabel("Số liên hệ đã gửi, gọi").FillAsync("300");
                await page.GetByLabel("Số liên hệ tiếp cận được").FillAsync("280");
                break;
            default:
                await page.GetByLabel("Số người được tiếp cận").FillAsync("40");
                break;
        }

        await page.GetByLabel("Nội dung hoạt động").FillAsync($"Hoạt động {n} theo kế hoạch: tuyên truyền chính sách BHXH tự nguyện, BHYT hộ gia đình.");
    }

    /// <summary>The activity list after a save; a refusal fails with what the page said.</summary>
    private static async Task SavedAsync(IPage page, string form, string code)
    {
        var problem = page.GetByTestId("problem");
        await Expect(page.Locator("[data-testid=problem], h1:has-text('Hoạt động đã ghi')").First).ToBeVisibleAsync();
        if (await problem.CountAsync() > 0)
        {
            throw new InvalidOperationException($"line {code} ({form}) was refused: {await problem.InnerTextAsync()}");
        }

        await Expect(page).ToHaveURLAsync(new Regex("/activities\\?logged="));
    }

    private async Task<JsonElement> ProgressAsync(int year)
    {
        using var planning = await stack.ApiAsync(ServiceNames.Planning, Officer);
        return await Given.GetAsync(planning, $"/api/units/{District}/progress/years/{year}");
    }

    private async Task<JsonElement> EventuallyAsync(int year, Func<JsonElement, bool> condition)
    {
        JsonElement report = default;
        await Eventually.TrueAsync(async () => condition(report = await ProgressAsync(year)), "Planning counting the activities logged");
        return report;
    }

    private static Dictionary<string, int> Logged(JsonElement report) =>
        report.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("logged").GetInt32());

    /// <summary>The plan table as shown: per line code, its target, expected by now, logged and people reached.</summary>
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
