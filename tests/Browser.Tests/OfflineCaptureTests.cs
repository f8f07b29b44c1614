using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// An officer in the field on a small phone: the field page loaded once online, then activities entered with
/// no network, kept on the device and sent when the connection returns, exactly once even when an answer is
/// lost; a refused one corrected and sent again; nothing left in the browser after sign-out.
/// What an entry says is sealed on the device (AES-GCM, a non-extractable key). Thống Nhất is a district no other journey writes activities for; the counts are by this run's own summaries.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class OfflineCaptureTests(StackFixture stack)
{
    private const string District = "thong-nhat";
    private const string Officer = "officer.thong-nhat";
    private const int Entries = 20;

    [Fact]
    public async Task Activities_entered_offline_are_stored_once_when_back_online_and_a_refused_one_is_corrected()
    {
        var year = Given.ThisYear;
        var plan = await new Given(stack).PlanReadyForActivitiesAsync(District, Officer, "Cán bộ truyền thông BHXH Thống Nhất", year);
        string[] withSections = [nameof(CommunicationForm.DirectContact), nameof(CommunicationForm.Conference), nameof(CommunicationForm.MassMedia), nameof(CommunicationForm.SmsPhone)];
        var line = plan.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line"))
            .First(l => !withSections.Contains(l.GetProperty("formKind").GetString()))
            .GetProperty("code").GetString()!;
        var run = Guid.NewGuid().ToString("N")[..8];
        var day = Day();

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        var context = page.Context;
        await page.SetViewportSizeAsync(360, 740);
        await browser.SignInAsync(stack, Officer, "/field/activities");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ghi hoạt động khi không có mạng");
        await Expect(page.GetByTestId("field-readiness")).ToHaveTextAsync("Trang đã sẵn sàng dùng khi không có mạng.");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await browser.SeenAsync("field-online");

        // No network. Playwright's offline mode reaches the service worker's own fetches in this Chromium: the
        // worker's network-first fetch fails and it answers from what it kept (X-Field-Cache: kept). Were the
        // worker still online, it would answer from the network, without the header, and this would fail.
        await context.SetOfflineAsync(true);
        (await page.EvaluateAsync<string?>("async () => (await fetch('/field/api/reference')).headers.get('x-field-cache')")).ShouldBe("kept");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("field-connection")).ToHaveTextAsync("Không có kết nối: hoạt động được lưu trên máy và sẽ gửi khi có mạng.");
        await Expect(page.Locator("#field[data-started='true']")).ToBeAttachedAsync();
        (await page.EvaluateAsync<bool>("() => navigator.onLine")).ShouldBeFalse();

        for (var n = 1; n <= Entries; n++)
        {
            await EnterAsync(page, line, day, $"Tư vấn hộ gia đình sau vụ mùa, ghi ngoại tuyến {run} #{n}");
            await Expect(page.GetByTestId("field-counts")).ToHaveTextAsync($"{n} chờ gửi, 0 đã gửi, 0 bị từ chối");
        }

        // One the service will refuse: it starts the day after at 20:00, always in the future (day is yesterday only
        // before 10:00), which only Outreach checks.
        await EnterAsync(page, line, day.AddDays(1), $"Tư vấn hộ gia đình sau vụ mùa, ghi ngoại tuyến {run} #{Entries + 1}", "20:00", "21:30");
        await Expect(page.GetByTestId("field-counts")).ToHaveTextAsync($"{Entries + 1} chờ gửi, 0 đã gửi, 0 bị từ chối");
        await Expect(page.GetByTestId("field-entries").Locator("li[data-state='waiting']")).ToHaveCountAsync(Entries + 1);
        await browser.SeenAsync("field-offline-waiting");
        var kept = await page.EvaluateAsync<JsonElement>("""
            () => new Promise(resolve => indexedDB.open('bhxh-field').onsuccess = event => {
              const db = event.target.result;
              const read = db.transaction(['entries', 'keys']);
              read.objectStore('entries').getAll().onsuccess = entries => read.objectStore('keys').getAll().onsuccess = keys => resolve({
                entries: entries.target.result.length,
                sealed: entries.target.result.every(e => e.sealed.data instanceof ArrayBuffer && e.sealed.iv.length === 12 && !('values' in e) && !('activity' in e)),
                plain: JSON.stringify(entries.target.result).includes('ngoại tuyến'),
                keys: keys.target.result.map(k => ({ algorithm: k.key.algorithm.name, extractable: k.key.extractable })),
              });
            })
            """);
        kept.GetProperty("entries").GetInt32().ShouldBe(Entries + 1);
        kept.GetProperty("sealed").GetBoolean().ShouldBeTrue("each entry's content sealed, nothing of it in clear");
        kept.GetProperty("plain").GetBoolean().ShouldBeFalse("no summary in clear in IndexedDB");
        var key = kept.GetProperty("keys").EnumerateArray().Single();
        key.GetProperty("algorithm").GetString().ShouldBe("AES-GCM");
        key.GetProperty("extractable").GetBoolean().ShouldBeFalse();
        (await StoredAsync(run, day)).ShouldBeEmpty("nothing leaves the device while offline");

        // Back online, the first answer is lost: the portal and Outreach handle the sync, the browser never hears.
        // Routed on the context: it sees the page's sync, which the service worker leaves to the network (checked: answered is 1).
        var answered = 0;
        await context.RouteAsync("**/field/api/activities/sync", async route =>
        {
            if (Interlocked.Increment(ref answered) == 1)
            {
                var response = await route.FetchAsync();
                response.Status.ShouldBe(200);
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });
        await context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("field-sync-message")).ToHaveTextAsync("Chưa gửi được (không có phản hồi); sẽ thử lại.");
        answered.ShouldBe(1);
        await Expect(page.GetByTestId("field-counts")).ToHaveTextAsync($"{Entries + 1} chờ gửi, 0 đã gửi, 0 bị từ chối");
        var stored = await StoredAsync(run, day);
        stored.Count.ShouldBe(Entries, "the lost answer's sync stored the 20 good ones (the refused one left out)");

        // The page sends the same entries again: Outreach stores nothing more.
        await page.GetByTestId("field-send-now").ClickAsync();
        await Expect(page.GetByTestId("field-counts")).ToHaveTextAsync($"0 chờ gửi, {Entries} đã gửi, 1 bị từ chối");
        answered.ShouldBe(2);
        var again = await StoredAsync(run, day);
        again.Count.ShouldBe(Entries);
        again.Order().ShouldBe(Enumerable.Range(1, Entries), "each activity exactly once");

        // The refused one shows Outreach's reason in Vietnamese, is corrected on the device and stored.
        var refused = page.GetByTestId("field-entries").Locator("li[data-state='refused']");
        await Expect(refused.GetByTestId("refusal")).ToHaveTextAsync("Thời gian bắt đầu không được ở tương lai.");
        await browser.SeenAsync("field-refused");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Sửa và gửi lại" }).ClickAsync();
        await Expect(page.GetByLabel("Nội dung hoạt động")).ToHaveValueAsync($"Tư vấn hộ gia đình sau vụ mùa, ghi ngoại tuyến {run} #{Entries + 1}");
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync(Iso(day));
        await page.GetByLabel("Giờ bắt đầu").FillAsync("08:00");
        await page.GetByLabel("Giờ kết thúc").FillAsync("09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi lại" }).ClickAsync();
        await Expect(page.GetByTestId("field-counts")).ToHaveTextAsync($"0 chờ gửi, {Entries + 1} đã gửi, 0 bị từ chối");
        (await StoredAsync(run, day)).Order().ShouldBe(Enumerable.Range(1, Entries + 1));
        await browser.SeenAsync("field-all-sent");

        // Signing out leaves nothing of it in the browser.
        await browser.SignOutAsync(stack);
        await Expect(page.Locator("html[data-storage-cleared='true']")).ToBeAttachedAsync();
        var left = await page.EvaluateAsync<JsonElement>("""
            async () => ({
              databases: (await indexedDB.databases()).length,
              caches: (await caches.keys()).length,
              localStorage: localStorage.length,
              workers: (await navigator.serviceWorker.getRegistrations()).length,
            })
            """);
        left.GetProperty("databases").GetInt32().ShouldBe(0, "IndexedDB");
        left.GetProperty("caches").GetInt32().ShouldBe(0, "Cache Storage");
        left.GetProperty("localStorage").GetInt32().ShouldBe(0, "localStorage");
        left.GetProperty("workers").GetInt32().ShouldBe(0, "service workers");
    }

    /// <summary>A day of this year already past in Vietnam, so that 08:00–09:30 is never in the future.</summary>
    private static DateOnly Day()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var today = DateOnly.FromDateTime(now.DateTime);
        return now.Hour >= 10 || today.DayOfYear == 1 ? today : today.AddDays(-1);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task EnterAsync(IPage page, string line, DateOnly day, string summary, string starts = "08:00", string ends = "09:30")
    {
        await page.GetByLabel("Dòng kế hoạch").SelectOptionAsync(line);
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync(Iso(day));
        await page.GetByLabel("Giờ bắt đầu").FillAsync(starts);
        await page.GetByLabel("Giờ kết thúc").FillAsync(ends);
        await page.GetByLabel("Số người được tiếp cận").FillAsync("12");
        await page.GetByLabel("Nội dung hoạt động").FillAsync(summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu trên máy" }).ClickAsync();
        await Expect(page.GetByTestId("field-form-message")).ToHaveTextAsync("Đã lưu trên máy.");
    }

    /// <summary>The numbers (#n) of this run's activities as Outreach stores them, read through its API, one per stored activity.</summary>
    private async Task<List<int>> StoredAsync(string run, DateOnly day)
    {
        using var outreach = await stack.ApiAsync(ServiceNames.Outreach, Officer);
        var numbers = new List<int>();
        string? after = null;
        var marker = new Regex($@"ngoại tuyến {run} #(\d+)$");
        do
        {
            var query = $"/api/units/{District}/activities?limit=200&from={Iso(day)}&to={Iso(day.AddDays(1))}" + (after is null ? string.Empty : $"&after={Uri.EscapeDataString(after)}");
            var page = await Given.GetAsync(outreach, query);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (marker.Match(item.GetProperty("details").GetProperty("summary").GetString() ?? string.Empty) is { Success: true } match)
                {
                    numbers.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }

            after = page.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (after is not null);

        return numbers;
    }
}
