using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// An auditor's work through the portal's pages, each page saved and checked with axe: follow one logged activity across the
/// services by its correlation id, open its stream and its state as of a day before it and today, verify the chains against
/// the signed checkpoints, download an export, run the read-model check and open the personal-data read log.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AuditJourneyTests
{
    private const string District = "trang-bom";
    private const string Officer = "officer.trang-bom";
    private const string Auditor = "auditor.dong-nai";
    private readonly StackFixture stack;

    public AuditJourneyTests(StackFixture stack)
    {
        this.stack = stack;
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_auditor_follows_an_activity_across_the_services_reads_its_state_as_of_a_day_verifies_exports_and_checks_the_read_models()
    {
        var given = new Given(stack);
        var plan = await given.PlanReadyForActivitiesAsync(District, Officer, "Cán bộ truyền thông BHXH Trảng Bom", Given.ThisYear);
        var activity = await given.ActivityAsync(District, Officer, plan, peopleReached: 27);

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Auditor);

        // The timeline of the district, the officer's events only: the activity is there, logged in Outreach.
        await page.MenuAsync("Dòng thời gian");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dòng thời gian kiểm toán");
        await page.GetByLabel("Đơn vị").FillAsync(District);
        await page.GetByLabel("Người thực hiện").FillAsync(Officer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var logged = page.Locator($"tr[data-service=outreach]:has(a[href='/audit/streams/outreach/{District}/{activity}'])");
        await Expect(logged).ToHaveCountAsync(1);
        await Expect(logged).ToContainTextAsync(Officer);
        await browser.SeenAsync("audit-timeline");

        // Its correlation id: the same command's effects in Outreach and, once its message is handled, in Planning.
        var correlation = await logged.Locator("a[data-correlation]").GetAttributeAsync("data-correlation");
        correlation.ShouldNotBeNullOrWhiteSpace();
        await logged.Locator("a[data-correlation]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("correlation=" + Regex.Escape(Uri.EscapeDataString(correlation!))));
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("tbody tr[data-service=planning]").CountAsync() > 0;
        }, "Planning's events of the logged activity under its correlation id");
        var rows = page.Locator("tbody tr");
        (await rows.First.GetAttributeAsync("data-service")).ShouldBe("outreach");
        foreach (var row in await rows.AllAsync())
        {
            (await row.Locator("a[data-correlation]").GetAttributeAsync("data-correlation")).ShouldBe(correlation);
        }

        await browser.SeenAsync("audit-timeline-correlation");

        // The activity's stream: intact, its state now, and no state as of yesterday (it was logged today).
        await page.Locator($"tr[data-service=outreach] a[href='/audit/streams/outreach/{District}/{activity}']").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lịch sử luồng sự kiện");
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Nguyên vẹn");
        await Expect(page.GetByTestId("state-now")).ToContainTextAsync("27");
        await Expect(page.Locator("tbody tr[data-version='1']")).ToContainTextAsync(Officer);
        await page.GetByLabel("Trạng thái tại ngày").FillAsync(Iso(Today.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trạng thái" }).ClickAsync();
        await Expect(page.GetByTestId("state-as-of")).ToContainTextAsync("Luồng chưa có sự kiện nào vào thời điểm này.");
        await page.GetByLabel("Trạng thái tại ngày").FillAsync(Iso(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trạng thái" }).ClickAsync();
        await Expect(page.GetByTestId("state-as-of")).ToContainTextAsync("(phiên bản 1)");
        await Expect(page.GetByTestId("state-as-of")).ToContainTextAsync("27");
        await browser.SeenAsync("audit-stream");

        // Every service's chains of the district hold against its signed checkpoints; Outreach's export downloads.
        await page.MenuAsync("Kiểm tra toàn vẹn");
        await page.GetByLabel("Đơn vị").FillAsync(District);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
        await Expect(page.Locator("section.verification [data-testid=verdict]")).ToHaveCountAsync(3);
        foreach (var verdict in await page.Locator("section.verification [data-testid=verdict]").AllAsync())
        {
            await Expect(verdict).ToHaveTextAsync("Nguyên vẹn");
        }

        await browser.SeenAsync("audit-verify");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Tải bản sao Hoạt động truyền thông (NDJSON)" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"outreach-{District}-events.ndjson");
        var export = await File.ReadAllTextAsync(await download.PathAsync());
        export.ShouldContain(activity.ToString());
        export.ShouldContain(correlation!);

        // Every read model of the district rebuilt from the events matches what is stored.
        await page.MenuAsync("Đối chiếu dữ liệu");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đối chiếu dữ liệu tổng hợp");
        await page.GetByLabel("Đơn vị").FillAsync(District);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
        await Expect(page.Locator("section.verification [data-testid=verdict]")).ToHaveCountAsync(3);
        foreach (var verdict in await page.Locator("section.verification [data-testid=verdict]").AllAsync())
        {
            await Expect(verdict).ToHaveTextAsync("Khớp với các sự kiện");
        }

        await browser.SeenAsync("audit-rebuild");

        await page.MenuAsync("Nhật ký dữ liệu cá nhân");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhật ký truy cập dữ liệu cá nhân");
        await browser.SeenAsync("audit-personal-data-reads");
    }
}
