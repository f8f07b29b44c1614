using System.Text.RegularExpressions;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>A prospect from the officer's record to the collection agent's outcome, and back to the officer.</summary>
[Collection(StackCollection.Name)]
public sealed class ProspectJourneyTests(StackFixture stack)
{
    private const string District = "long-khanh";
    private const string Officer = "officer.long-khanh";
    private const string Agent = "agent.long-khanh";

    [Fact]
    public async Task An_officer_records_a_prospect_with_consent_hands_it_off_and_sees_the_outcome_the_collection_agent_reports()
    {
        var given = new Given(stack);
        await given.AccountAsync(District, Officer, "Cán bộ truyền thông BHXH Long Khánh", "district-officer");
        var organisationName = $"Đại lý thu Bưu điện Long Khánh {Guid.NewGuid().ToString("N")[..6]}";
        var organisation = await given.CollectionOrganisationAsync(District, Officer, organisationName);
        await given.AccountAsync(District, Agent, "Nhân viên đại lý thu Long Khánh", "collection-agent", organisation);
        var person = $"Lê Thị Hoa {Guid.NewGuid().ToString("N")[..4]}";

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Officer);
            await page.MenuAsync("Người được vận động");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ghi người được vận động" }).First.ClickAsync();
            await page.GetByLabel("Người dân đồng ý cho cơ quan BHXH và tổ chức dịch vụ thu liên hệ lại").CheckAsync();
            await page.GetByLabel("Hình thức đồng ý").SelectOptionAsync(new SelectOptionValue { Label = "Bằng lời nói" });
            await page.GetByLabel("Họ và tên").FillAsync(person);
            await page.GetByLabel("Loại hình vận động").SelectOptionAsync(new SelectOptionValue { Label = "BHXH tự nguyện" });
            await page.GetByLabel("Điện thoại").FillAsync("0912345678");
            await page.GetByLabel("Địa chỉ").FillAsync("Tổ 3, phường Xuân An, Long Khánh");
            await browser.SeenAsync("record-prospect");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã ghi người được vận động.");
            var row = page.GetByTestId("prospects").Locator("tr[data-prospect]", new() { HasText = person });
            await Expect(row).ToHaveAttributeAsync("data-status", "Contacted");
            await browser.SeenAsync("prospects");

            await page.MenuAsync("Bàn giao");
            await page.GetByLabel("Tổ chức dịch vụ thu").SelectOptionAsync(new SelectOptionValue { Label = organisationName });
            await page.GetByLabel(new Regex("^" + Regex.Escape(person))).CheckAsync();
            await browser.SeenAsync("hand-off");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bàn giao", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã bàn giao danh sách.");
            await Expect(page.GetByTestId("hand-offs").Locator("tr[data-batch]", new() { HasText = organisationName })).ToHaveCountAsync(1);
            await browser.SeenAsync("handed-off");
        }

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Agent);
            var batches = page.GetByTestId("collection-hand-offs").Locator("tr[data-batch]");
            await Expect(batches).ToHaveCountAsync(1);
            await browser.SeenAsync("collection-home");
            await batches.GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận danh sách" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã xác nhận nhận danh sách.");
            var prospect = page.GetByTestId("handed-prospects").Locator("tr[data-prospect]", new() { HasText = person });
            await Expect(prospect).ToContainTextAsync("0912345678");
            await page.GetByLabel($"Kết quả của {person}").SelectOptionAsync(new SelectOptionValue { Label = "Đã tham gia" });
            await browser.SeenAsync("collection-report");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã gửi báo cáo kết quả.");
            await Expect(page.GetByTestId("handed-prospects").Locator("tr[data-prospect]", new() { HasText = person })).ToHaveAttributeAsync("data-status", "Enrolled");
            await browser.SeenAsync("collection-reported");
        }

        // Outreach's own record of the outcome.
        using (var outreach = await stack.ApiAsync(ServiceNames.Outreach, Officer))
        {
            var handOffs = await Given.GetAsync(outreach, $"/api/units/{District}/hand-offs");
            var batch = handOffs.EnumerateArray().Single(b => b.GetProperty("collectionOrganisationId").GetGuid() == organisation);
            batch.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("outcome").GetString()).ShouldBe(["Enrolled"]);
        }

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Officer);
            await page.MenuAsync("Bàn giao");
            await Expect(page.GetByTestId("hand-offs").Locator("tr[data-batch]", new() { HasText = organisationName }))
                .ToContainTextAsync("tham gia 1 · từ chối 0 · không liên lạc được 0 · chờ 0");
            await page.MenuAsync("Người được vận động");
            await Expect(page.GetByTestId("prospects").Locator("tr[data-prospect]", new() { HasText = person })).ToHaveAttributeAsync("data-status", "Enrolled");
            await browser.SeenAsync("officer-sees-outcome");
        }
    }
}
