using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// A unit writes its own plan: its officer adopts the template the province published, takes out a line the
/// unit will not run and adds a catalogue line back, all from the plan pages; Planning holds each step.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class PlanWritingJourneyTests(StackFixture stack)
{
    // Next year's plan, in a district no other browser test plans next year in (the province journey rolls this year's
    // template out to every district): it has none until this test adopts one.
    private const string District = "cam-my";
    private const string Officer = "officer.cam-my";

    [Fact]
    public async Task An_officer_adopts_the_provinces_published_template_then_removes_a_line_and_adds_it_back()
    {
        var year = Given.ThisYear + 1;
        var given = new Given(stack);
        var template = await given.PublishedTemplateAsync(year, $"Kế hoạch mẫu năm {year} cho BHXH Cẩm Mỹ");
        await given.AccountAsync(District, Officer, "Cán bộ truyền thông BHXH Cẩm Mỹ", "district-officer");

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);

        await page.GotoAsync(new Uri(stack.Portal, $"/plan?year={year}").AbsoluteUri);
        await Expect(page.GetByTestId("no-plan")).ToBeVisibleAsync();
        var offered = page.Locator($"[data-template='{template.Id}']");
        await Expect(offered.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Kế hoạch mẫu năm {year} cho BHXH Cẩm Mỹ");
        await browser.SeenAsync("plan-adopt");
        await offered.GetByTestId("adopt").ClickAsync();

        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đơn vị đã áp dụng kế hoạch mẫu. Hãy rà soát các dòng và đặt chỉ tiêu.");
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Dự thảo");
        var adopted = (await given.PlanAsync(District, year)).ShouldNotBeNull();
        adopted.GetProperty("templateId").GetGuid().ShouldBe(template.Id);
        var lines = adopted.GetProperty("lines").GetArrayLength();
        await Expect(page.GetByTestId("plan-lines").Locator("tbody tr")).ToHaveCountAsync(lines);

        // Take out 2.03: the row leaves the targets table and Planning's plan.
        await page.GotoAsync(new Uri(stack.Portal, $"/plan/targets?year={year}").AbsoluteUri);
        await page.Locator("tr[data-line='2.03']").GetByTestId("remove-line").ClickAsync();
        await Expect(page.GetByTestId("line-changed")).ToHaveTextAsync("Đã bỏ dòng khỏi kế hoạch.");
        await Expect(page.Locator("tr[data-line='2.03']")).ToHaveCountAsync(0);
        var removed = (await given.PlanAsync(District, year)).ShouldNotBeNull();
        removed.GetProperty("lines").GetArrayLength().ShouldBe(lines - 1);
        removed.GetProperty("lines").EnumerateArray().ShouldNotContain(l => l.GetProperty("line").GetProperty("code").GetString() == "2.03");
        await browser.SeenAsync("plan-line-removed");

        // The catalogue offers it again; added back, it is the catalogue's line.
        await page.GetByLabel("Dòng trong danh mục").SelectOptionAsync("2.03");
        await page.GetByTestId("add-line").ClickAsync();
        await Expect(page.GetByTestId("line-changed")).ToHaveTextAsync("Đã thêm dòng vào kế hoạch.");
        await Expect(page.Locator("tr[data-line='2.03']")).ToHaveCountAsync(1);
        var added = (await given.PlanAsync(District, year)).ShouldNotBeNull();
        added.GetProperty("lines").GetArrayLength().ShouldBe(lines);
        using var planning = await stack.ApiAsync(ServiceNames.Planning, Officer);
        var catalogue = (await Given.GetAsync(planning, "/api/catalogue/lines")).EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == "2.03");
        added.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetProperty("code").GetString() == "2.03")
            .GetProperty("line").GetProperty("subject").GetString().ShouldBe(catalogue.GetProperty("subject").GetString());
        await browser.SeenAsync("plan-line-added");
    }
}
