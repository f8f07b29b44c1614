using System.Text.Json;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>The province administrator's year through the portal's pages, and the district officer's answer to a returned plan.</summary>
[Collection(StackCollection.Name)]
public sealed class ProvinceJourneyTests(StackFixture stack)
{
    private const string Approved = "trang-bom";
    private const string ApprovedOfficer = "officer.trang-bom";
    private const string Returned = "long-thanh";
    private const string ReturnedOfficer = "officer.long-thanh";

    [Fact]
    public async Task The_province_publishes_rolls_out_approves_one_plan_and_returns_another_which_its_officer_amends_and_resubmits()
    {
        var year = Given.ThisYear;
        var given = new Given(stack);
        var title = $"Kế hoạch mẫu {year} ({Guid.NewGuid():N})"[..40];
        var reason = "Chỉ tiêu hội nghị với doanh nghiệp còn thấp, đề nghị nâng lên.";

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Given.ProvinceAdmin);

            // A template drafted from the whole catalogue, published.
            await page.MenuAsync("Kế hoạch mẫu");
            await browser.SeenAsync("templates");
            await page.GetByLabel("Năm").FillAsync(year.ToString(Portal.Vietnamese));
            await page.GetByLabel("Tên kế hoạch mẫu").FillAsync(title);
            await page.GetByLabel("Chép toàn bộ danh mục").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Soạn kế hoạch mẫu" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
            await Expect(page.GetByTestId("template-status")).ToHaveTextAsync("Bản nháp");
            await browser.SeenAsync("template-draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành phiên bản mới" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã ban hành phiên bản mới.");
            await browser.SeenAsync("template-published");

            // Rolled out to every district of the province; the page follows until all have received it.
            await page.GetByTestId("published-versions").GetByRole(AriaRole.Link).Last.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Triển khai cho mọi đơn vị" }).ClickAsync();
            var rolloutUrl = page.Url;
            await Eventually.TrueAsync(async () =>
            {
                await page.GotoAsync(rolloutUrl);
                return await page.GetByTestId("rollout-summary").InnerTextAsync() == "11/11 đơn vị đã nhận.";
            }, "the rollout to all 11 districts");
            await browser.SeenAsync("rollout-done");
        }

        // Two districts submit their plans (their officers' work, through Planning's API: not what this journey tests).
        await given.AccountAsync(Approved, ApprovedOfficer, "Cán bộ truyền thông BHXH Trảng Bom", "district-officer");
        Given.Status(await given.SubmittedPlanAsync(Approved, ApprovedOfficer, year)).ShouldBe("Submitted");
        Given.Status(await given.SubmittedPlanAsync(Returned, ReturnedOfficer, year)).ShouldBe("Submitted");

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Given.ProvinceAdmin);

            // Each submission reached the administrator's reminders, and was mailed (the Development mail sink keeps it).
            await page.MenuAsync("Hộp thư");
            var submitted = page.GetByTestId("reminder").Filter(new() { HasText = $"BHXH huyện Trảng Bom trình kế hoạch truyền thông năm {year}" });
            await Expect(page.GetByTestId("reminder").Filter(new() { HasText = $"BHXH huyện Long Thành trình kế hoạch truyền thông năm {year}" }))
                .ToHaveCountAsync(1);
            await Eventually.TrueAsync(async () =>
            {
                await page.ReloadAsync();
                return (await submitted.GetByTestId("mailed").InnerTextAsync()).Contains("Đã gửi thư điện tử lúc", StringComparison.Ordinal);
            }, "the reminder's mail");
            await Expect(submitted.GetByTestId("new")).ToBeVisibleAsync();
            await browser.SeenAsync("reminders");
            await browser.ForReadmeAsync("reminders");
            var mail = stack.MailTo(Given.ProvinceAdmin).Where(m => m.Subject == $"BHXH huyện Trảng Bom trình kế hoạch truyền thông năm {year}").ShouldHaveSingleItem();
            (mail.TextBody ?? "").ShouldContain($"{stack.Portal.AbsoluteUri.TrimEnd('/')}/province/approvals/{Approved}");

            // Opening it leads to the plan to decide on, and it is read from then on.
            await submitted.GetByRole(AriaRole.Button, new() { Name = "Mở và xử lý" }).ClickAsync();
            await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Chờ duyệt");
            page.Url.ShouldEndWith($"/province/approvals/{Approved}");
            await page.MenuAsync("Hộp thư");
            await Expect(submitted.GetByTestId("new")).ToHaveCountAsync(0);

            await page.MenuAsync("Duyệt kế hoạch");
            var inbox = page.GetByTestId("inbox");
            await Expect(inbox.Locator($"li[data-unit={Approved}]")).ToBeVisibleAsync();
            await Expect(inbox.Locator($"li[data-unit={Returned}]")).ToBeVisibleAsync();
            await browser.SeenAsync("approvals-inbox");
            await browser.ForReadmeAsync("approvals-inbox");

            await inbox.Locator($"li[data-unit={Approved}]").GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Chờ duyệt");
            await browser.SeenAsync("review-approve");
            await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt kế hoạch" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã duyệt kế hoạch của Huyện Trảng Bom.");

            await page.GetByTestId("inbox").Locator($"li[data-unit={Returned}]").GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByLabel("Lý do trả lại").FillAsync(reason);
            await browser.SeenAsync("review-return");
            await page.GetByRole(AriaRole.Button, new() { Name = "Trả lại kế hoạch" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã trả lại kế hoạch của Huyện Long Thành.");
            await Expect(page.GetByTestId("inbox").Locator("li[data-unit]")).ToHaveCountAsync(0);
            await browser.SeenAsync("inbox-decided");
        }

        // Planning's own record of both decisions.
        Given.Status((await given.PlanAsync(Approved, year))!.Value).ShouldBe("Approved");
        var returned = (await given.PlanAsync(Returned, year))!.Value;
        Given.Status(returned).ShouldBe("Returned");
        returned.GetProperty("lastReason").GetString().ShouldBe(reason);
        var line = returned.GetProperty("lines")[0].GetProperty("line").GetProperty("code").GetString()!;

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, ReturnedOfficer);

            // The return reached the officer's reminders with its reason; opening it leads to the plan.
            await page.MenuAsync("Hộp thư");
            var returnedReminder = page.GetByTestId("reminder").Filter(new() { HasText = $"Kế hoạch năm {year} của BHXH huyện Long Thành bị trả lại" });
            await Expect(returnedReminder).ToContainTextAsync($"Lý do: {reason}");
            await browser.SeenAsync("reminder-returned");
            await returnedReminder.GetByRole(AriaRole.Button, new() { Name = "Mở và xử lý" }).ClickAsync();
            await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Bị trả lại");
            await Expect(page.GetByTestId("last-reason")).ToHaveTextAsync(reason);
            await browser.SeenAsync("plan-returned");
            await page.GetByTestId("edit-targets").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Chỉ tiêu kế hoạch năm {year}");
            await Expect(page.GetByTestId("last-reason")).ToHaveTextAsync(reason);
            var activities = page.GetByLabel($"Số hoạt động cả năm của dòng {line}", new() { Exact = true });
            await Expect(activities).ToHaveValueAsync("12");
            await activities.FillAsync("20");
            await browser.SeenAsync("targets-typed");

            // Meanwhile someone else changes the plan: the save is refused with a 409 that keeps what was typed.
            await ChangeTargetsElsewhereAsync(returned);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
            await Expect(page.GetByTestId("problem").GetByRole(AriaRole.Heading)).ToHaveTextAsync("Người khác vừa thay đổi bản ghi này");
            await Expect(activities).ToHaveValueAsync("20");
            await browser.SeenAsync("targets-conflict");

            // Saved again on purpose, then resubmitted.
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();
            await Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã lưu chỉ tiêu.");
            await Expect(activities).ToHaveValueAsync("20");
            await browser.SeenAsync("targets-saved");
            await page.GetByRole(AriaRole.Button, new() { Name = "Trình duyệt" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Chờ duyệt");
            await browser.SeenAsync("plan-resubmitted");
        }

        var resubmitted = (await given.PlanAsync(Returned, year))!.Value;
        Given.Status(resubmitted).ShouldBe("Submitted");
        resubmitted.GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("line").GetProperty("code").GetString() == line)
            .GetProperty("target").GetProperty("activities").GetInt32().ShouldBe(20);

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Given.ProvinceAdmin);
            await page.MenuAsync("Duyệt kế hoạch");
            await Expect(page.GetByTestId("inbox").Locator($"li[data-unit={Returned}]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("inbox").Locator($"li[data-unit={Approved}]")).ToHaveCountAsync(0);
            await browser.SeenAsync("inbox-resubmitted");
        }
    }

    /// <summary>Another change to the returned plan, by its officer through Planning's API (the stream's version moves on).</summary>
    private async Task ChangeTargetsElsewhereAsync(JsonElement plan)
    {
        using var planning = await stack.ApiAsync(ServiceNames.Planning, ReturnedOfficer);
        await Given.SendAsync(planning, $"/api/units/{Returned}/district-plans/{plan.GetProperty("id").GetGuid()}/targets", new
        {
            version = plan.GetProperty("version").GetInt64(),
            lines = Array.Empty<object>(),
            peopleReached = 5500,
            enrolments = new[] { new { scheme = "VoluntarySocialInsurance", people = 200 }, new { scheme = "HouseholdHealthInsurance", people = 800 } },
        });
    }
}
