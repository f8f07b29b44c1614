using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// The working lists as their people use them: an officer plans to call someone back and finds them on the follow-up
/// list (and in its Excel download); a collection agent enrols a household whose cards end within the month, is
/// reminded (inbox and mail), and finds the cards on the renewal list.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class WorklistJourneyTests(StackFixture stack)
{
    private const string District = "tan-phu";
    private const string Officer = "officer.tan-phu";
    private const string Agent = "agent.tan-phu";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Typed(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_finds_the_people_to_call_back_and_reschedules_one_and_an_agent_is_reminded_of_the_cards_to_renew()
    {
        var given = new Given(stack);
        await given.AccountAsync(District, Officer, "Cán bộ truyền thông BHXH Tân Phú", "district-officer");
        var organisationName = $"Điểm thu Bưu điện Tân Phú {Guid.NewGuid().ToString("N")[..6]}";
        var organisation = await given.CollectionOrganisationAsync(District, Officer, organisationName);
        await given.AccountAsync(District, Agent, "Nhân viên điểm thu Tân Phú", "collection-agent", organisation, withEmail: true);
        var person = $"Nguyễn Văn Bình {Guid.NewGuid().ToString("N")[..4]}";

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Officer);
            await page.GotoAsync(new Uri(stack.Portal, "/prospects/new").ToString());
            await page.GetByLabel("Người dân đồng ý cho cơ quan BHXH và tổ chức dịch vụ thu liên hệ lại").CheckAsync();
            await page.GetByLabel("Hình thức đồng ý").SelectOptionAsync(new SelectOptionValue { Label = "Bằng lời nói" });
            await page.GetByLabel("Họ và tên").FillAsync(person);
            await page.GetByLabel("Loại hình vận động").SelectOptionAsync(new SelectOptionValue { Label = "BHYT hộ gia đình" });
            await page.GetByLabel("Điện thoại").FillAsync($"0913{Random.Shared.Next(100000, 999999)}");
            await page.GetByLabel("Hẹn liên hệ lại ngày").FillAsync(Typed(Today.AddDays(2)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã ghi người được vận động.");

            await page.MenuAsync("Việc cần làm");
            var row = page.GetByTestId("follow-ups").Locator("tr[data-prospect]", new() { HasText = person });
            await Expect(row).ToContainTextAsync(Shown(Today.AddDays(2)));
            await Expect(row).ToContainTextAsync(Officer);
            await browser.SeenAsync("follow-ups");
            await browser.ForReadmeAsync("follow-ups");

            // Called today: the next contact is in five days.
            await row.GetByRole(AriaRole.Link, new() { Name = "Hẹn lại" }).ClickAsync();
            await Expect(page.GetByTestId("current")).ToContainTextAsync(Shown(Today.AddDays(2)));
            await page.GetByLabel("Ngày hẹn liên hệ").FillAsync(Typed(Today.AddDays(5)));
            await browser.SeenAsync("reschedule");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã lưu lịch hẹn liên hệ.");
            await Expect(page.GetByTestId("follow-ups").Locator("tr[data-prospect]", new() { HasText = person })).ToContainTextAsync(Shown(Today.AddDays(5)));

            var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").ClickAsync());
            excel.SuggestedFilename.ShouldBe($"lien-he-lai-{District}-{Typed(Today)}.xlsx");
            using var workbook = SpreadsheetDocument.Open((await excel.PathAsync())!, false);
            new OpenXmlValidator().Validate(workbook).Select(e => e.Description).ShouldBeEmpty();
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
            cells.ShouldContain(r => r.Count > 3 && r[3] == person && r[2] == Officer);
        }

        await using (var browser = await stack.OpenBrowserAsync())
        {
            var page = browser.Page;
            await browser.SignInAsync(stack, Agent);
            await page.MenuAsync("Ghi người tham gia");
            await page.GetByLabel("Loại hình tham gia").SelectOptionAsync(new SelectOptionValue { Label = "BHYT hộ gia đình" });
            await page.GetByLabel("Ngày tham gia").FillAsync(Typed(Today.AddMonths(-6)));
            await page.GetByLabel("Hạn thẻ BHYT đến ngày").FillAsync(Typed(Today.AddDays(10)));
            await page.GetByLabel("Số người tham gia").FillAsync("3");
            await browser.SeenAsync("card-enrolment");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("done")).ToBeVisibleAsync();

            await page.MenuAsync("Việc cần làm");
            await page.GetByRole(AriaRole.Link, new() { Name = "Thẻ cần gia hạn" }).ClickAsync();
            var card = page.GetByTestId("renewals").Locator("tr[data-enrolment]", new() { HasText = Shown(Today.AddDays(10)) });
            await Expect(card).ToContainTextAsync("còn 10 ngày");
            await Expect(card).ToContainTextAsync(Agent);
            await browser.SeenAsync("renewals");
            await browser.ForReadmeAsync("renewals");

            // The reminder reached the agent who enrolled them, and its mail is kept by the Development mail sink, shown under the inbox.
            var subject = $"3 thẻ BHYT hết hạn ngày {Shown(Today.AddDays(10))}";
            await page.MenuAsync("Hộp thư");
            await Eventually.TrueAsync(async () =>
            {
                await page.ReloadAsync();
                return await page.GetByTestId("mail").Filter(new() { HasText = subject }).CountAsync() == 1;
            }, "the renewal reminder's mail");
            await Expect(page.GetByTestId("reminder").Filter(new() { HasText = subject })).ToHaveAttributeAsync("data-kind", "cards-to-renew");
            stack.MailTo(Agent).Where(m => m.Subject == subject).ShouldHaveSingleItem();
            await browser.SeenAsync("renewal-reminder");

            await page.GetByTestId("reminder").Filter(new() { HasText = subject }).GetByRole(AriaRole.Button, new() { Name = "Mở và xử lý" }).ClickAsync();
            page.Url.ShouldEndWith("/worklists/renewals");
        }
    }
}
