using System.Globalization;
using System.Text.RegularExpressions;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// A district officer's partner work through the portal's pages, each page saved and checked with axe: register a partner
/// (the service's problems beside the fields first), draft an agreement ending within 30 days, sign it, find it among those
/// expiring soon and on the home page, renew it and end it; then the collaborators', trainings', commendations' and employer disclosures' pages.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class PartnerPagesTests
{
    private const string Officer = "officer.bien-hoa";
    private static readonly string[] ConferenceOnly = ["Conference"];
    private readonly StackFixture stack;

    public PartnerPagesTests(StackFixture stack)
    {
        this.stack = stack;
        // The first sign-in after the stack starts (the portal's callback, its first token exchange) takes more than
        // Playwright's 5 s on a loaded two-core machine; the assertions still wait for what they name, only longer.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_registers_a_partner_signs_renews_amends_and_ends_an_agreement_and_visits_the_partner_pages()
    {
        var name = $"Hội Cựu chiến binh {Guid.NewGuid().ToString("N")[..6]}";
        var title = $"Chương trình phối hợp tuyên truyền {Guid.NewGuid().ToString("N")[..6]}";
        var endsOn = Today.AddDays(20);
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);

        await page.MenuAsync("Đối tác phối hợp");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đối tác phối hợp");
        await browser.SeenAsync("partners");

        // Register: an empty form gets the service's problems beside its fields, then the partner is registered.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký đối tác" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await Expect(page.Locator("#f-name-error")).ToContainTextAsync("Tên đơn vị");
        await Expect(page.Locator("#f-type-error")).ToHaveTextAsync("Loại đơn vị không được để trống.");
        await browser.SeenAsync("register-partner-problems");
        await page.GetByLabel("Tên đơn vị").FillAsync(name);
        await page.GetByLabel("Loại đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Hội, đoàn thể" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("partner-status")).ToHaveTextAsync("Đang hoạt động");
        await browser.SeenAsync("partner");

        // Draft an agreement with it, ending within 30 days, and sign it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Soạn thỏa thuận với đơn vị này" }).ClickAsync();
        await Expect(page.GetByLabel(name)).ToBeCheckedAsync();
        await page.GetByLabel("Loại thỏa thuận").SelectOptionAsync(new SelectOptionValue { Label = "Chương trình phối hợp" });
        await page.GetByLabel("Tên thỏa thuận").FillAsync(title);
        await page.GetByLabel("Hội nghị", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ngày kết thúc").FillAsync(Iso(Today.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Expect(page.Locator("#f-endsOn-error")).ToHaveTextAsync("Ngày kết thúc phải sau ngày bắt đầu.");
        await Expect(page.GetByLabel("Tên thỏa thuận")).ToHaveValueAsync(title);
        await browser.SeenAsync("draft-agreement-problems");
        await page.GetByLabel("Ngày kết thúc").FillAsync(Iso(endsOn));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("agreement-status")).ToHaveTextAsync("Dự thảo");
        await browser.SeenAsync("agreement-draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đã ký" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã ghi nhận ký kết; thỏa thuận có hiệu lực.");
        await Expect(page.GetByTestId("agreement-status")).ToContainTextAsync("Đã ký, còn hiệu lực");
        await Expect(page.GetByTestId("agreement-status")).ToContainTextAsync("Sắp hết hạn");
        await browser.SeenAsync("agreement-signed");

        // Partners warns about it (a scheduled message, due at once): it appears among those expiring soon and on the home page.
        await page.MenuAsync("Thỏa thuận sắp hết hạn");
        var row = page.GetByTestId("expiring").Locator("tr", new() { HasText = title });
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return await row.CountAsync() == 1;
        }, "the expiry warning of the signed agreement");
        await Expect(row).ToContainTextAsync(Shown(endsOn));
        await Expect(row).ToContainTextAsync("20");
        await browser.SeenAsync("agreements-expiring");
        await page.MenuAsync("Trang chủ");
        await Expect(page.GetByTestId("expiring-agreements")).ToContainTextAsync(title);

        // Renew it past the window, then end it early: a reason is asked for first.
        await page.GetByTestId("expiring-agreements").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByLabel("Ngày kết thúc mới").FillAsync(Iso(Today.AddYears(1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gia hạn", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã gia hạn thỏa thuận.");
        await Expect(page.GetByTestId("agreement-term")).ToContainTextAsync(Shown(Today.AddYears(1)));
        await Expect(page.GetByTestId("agreement-status")).Not.ToContainTextAsync("Sắp hết hạn");

        // Amend it: the form holds its terms; without a note Partners refuses, with one the new commitment and value stand.
        await page.GetByTestId("amend-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sửa đổi thỏa thuận");
        await Expect(page.GetByLabel(name)).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Hội nghị", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Số hoạt động cam kết mỗi năm (nếu có)").FillAsync("6");
        await page.GetByLabel("Giá trị (đồng)").FillAsync("15000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu sửa đổi" }).ClickAsync();
        await Expect(page.Locator("#f-note-error")).ToBeVisibleAsync();
        await browser.SeenAsync("amend-agreement-problems");
        await page.GetByLabel("Nội dung sửa đổi").FillAsync("Tăng số hội nghị và bổ sung kinh phí theo Công văn số 12/BHXH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu sửa đổi" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã sửa đổi thỏa thuận.");
        var facts = page.GetByTestId("agreement-facts");
        await Expect(facts.Locator("dt", new() { HasText = "Số lần sửa đổi" }).Locator("xpath=following-sibling::dd[1]")).ToHaveTextAsync("1");
        await Expect(facts.Locator("dt", new() { HasText = "Số hoạt động cam kết mỗi năm" }).Locator("xpath=following-sibling::dd[1]")).ToHaveTextAsync("6");
        await Expect(facts.Locator("dt", new() { HasText = "Giá trị (đồng)" }).Locator("xpath=following-sibling::dd[1]")).ToHaveTextAsync("15.000.000");
        await browser.SeenAsync("agreement-amended");

        await page.GetByRole(AriaRole.Button, new() { Name = "Chấm dứt thỏa thuận" }).ClickAsync();
        await Expect(page.Locator("#f-reason-error")).ToBeVisibleAsync();
        await browser.SeenAsync("terminate-agreement-problems");
        await page.GetByLabel("Lý do chấm dứt").FillAsync("Đơn vị sáp nhập, ký lại thỏa thuận mới");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chấm dứt thỏa thuận" }).ClickAsync();
        await Expect(page.GetByTestId("agreement-status")).ToHaveTextAsync("Đã chấm dứt");
        await browser.SeenAsync("agreement-terminated");

        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByTestId("agreements").Locator("tr", new() { HasText = title })).ToContainTextAsync("Đã chấm dứt");
        await Expect(page).ToHaveURLAsync(new Regex("/partners/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task The_province_administrator_amends_a_districts_agreement_from_the_units_page()
    {
        var title = $"Chương trình phối hợp tuyên truyền {Guid.NewGuid().ToString("N")[..6]}";
        var given = new Given(stack);
        var partner = await given.CollectionOrganisationAsync("bien-hoa", Officer, $"Bưu điện {Guid.NewGuid().ToString("N")[..6]}");
        using (var partners = await stack.ApiAsync(ServiceNames.Partners, Officer))
        {
            var drafted = await Given.SendAsync(partners, "/api/units/bien-hoa/agreements", new
            {
                kind = "Programme", title, partnerIds = new[] { partner }, formKinds = ConferenceOnly,
                startsOn = Iso(Today), endsOn = Iso(Today.AddYears(1)),
            });
            var id = drafted.GetProperty("value").GetGuid();
            await Given.SendAsync(partners, $"/api/units/bien-hoa/agreements/{id}/sign", new { version = 1, signedOn = Iso(Today) });
        }

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Given.ProvinceAdmin);
        await page.GotoAsync(new Uri(stack.Portal, "/province/units/bien-hoa").AbsoluteUri);
        await page.GetByTestId("unit-agreements-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thỏa thuận phối hợp của");
        await browser.SeenAsync("province-unit-agreements");

        var row = page.Locator("tr", new() { HasText = title });
        await row.GetByTestId("amend-row-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sửa đổi thỏa thuận");
        await page.GetByLabel("Số hoạt động cam kết mỗi năm (nếu có)").FillAsync("4");
        await page.GetByLabel("Nội dung sửa đổi").FillAsync("BHXH tỉnh bổ sung số hội nghị theo kế hoạch năm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu sửa đổi" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã sửa đổi thỏa thuận.");
        await Expect(page).ToHaveURLAsync(new Regex("/province/units/bien-hoa/agreements"));
        await browser.SeenAsync("province-agreement-amended");

        // Partners holds the amendment, by the administrator.
        using var check = await stack.ApiAsync(ServiceNames.Partners, Given.ProvinceAdmin);
        var agreements = await Given.GetAsync(check, "/api/units/bien-hoa/agreements");
        var amended = agreements.EnumerateArray().Single(a => a.GetProperty("title").GetString() == title);
        amended.GetProperty("scope").GetProperty("activitiesPerYear").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task The_province_administrator_signs_renews_and_ends_a_districts_agreement_from_the_units_page()
    {
        var title = $"Chương trình phối hợp truyền thông {Guid.NewGuid().ToString("N")[..6]}";
        var endsOn = Today.AddMonths(6);
        var given = new Given(stack);
        var partner = await given.CollectionOrganisationAsync("bien-hoa", Officer, $"Bưu điện {Guid.NewGuid().ToString("N")[..6]}");
        using (var partners = await stack.ApiAsync(ServiceNames.Partners, Officer))
        {
            await Given.SendAsync(partners, "/api/units/bien-hoa/agreements", new
            {
                kind = "Programme", title, partnerIds = new[] { partner }, formKinds = ConferenceOnly,
                startsOn = Iso(Today), endsOn = Iso(endsOn),
            });
        }

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Given.ProvinceAdmin);
        await page.GotoAsync(new Uri(stack.Portal, "/province/units/bien-hoa/agreements").AbsoluteUri);
        var row = page.GetByTestId("agreements").Locator("tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("Dự thảo");
        await Expect(row.GetByTestId("renew-row-link")).ToHaveCountAsync(0);
        await browser.SeenAsync("province-unit-agreement-draft");

        // Sign the draft from its row: the agreement's page for the district, then back to the district's list with the outcome.
        await row.GetByRole(AriaRole.Link, new() { Name = $"Ghi nhận ký kết thỏa thuận {title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("agreement-unit")).ToHaveTextAsync("Thành phố Biên Hòa");
        await Expect(page.GetByTestId("agreement-status")).ToHaveTextAsync("Dự thảo");
        await browser.SeenAsync("province-agreement-to-sign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đã ký" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/province/units/bien-hoa/agreements\\?done=signed$"));
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã ghi nhận ký kết; thỏa thuận có hiệu lực.");
        await Expect(row).ToContainTextAsync("Đã ký, còn hiệu lực");
        await Expect(row.GetByTestId("amend-row-link")).ToHaveTextAsync("Sửa đổi");
        await browser.SeenAsync("province-agreement-signed");

        // Renew it: an end date not after the current one is Partners' problem beside the field; a later one stands.
        await row.GetByTestId("renew-row-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#renew$"));
        await page.GetByLabel("Ngày kết thúc mới").FillAsync(Iso(endsOn.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gia hạn", Exact = true }).ClickAsync();
        await Expect(page.Locator("#f-endsOn-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("problem")).ToBeVisibleAsync();
        await browser.SeenAsync("province-renew-agreement-problems");
        await page.GetByLabel("Ngày kết thúc mới").FillAsync(Iso(endsOn.AddYears(1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gia hạn", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã gia hạn thỏa thuận.");
        await Expect(row).ToContainTextAsync(Shown(endsOn.AddYears(1)));
        await browser.SeenAsync("province-agreement-renewed");

        // End it: a reason is asked for first, then the district's list shows it ended, with nothing more to do.
        await row.GetByTestId("terminate-row-link").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Chấm dứt thỏa thuận" }).ClickAsync();
        await Expect(page.Locator("#f-reason-error")).ToBeVisibleAsync();
        await browser.SeenAsync("province-terminate-agreement-problems");
        await page.GetByLabel("Lý do chấm dứt").FillAsync("BHXH tỉnh điều chỉnh chương trình phối hợp sau sáp nhập");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chấm dứt thỏa thuận" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã chấm dứt thỏa thuận.");
        await Expect(row).ToContainTextAsync("Đã chấm dứt");
        await Expect(row.Locator("td.actions a")).ToHaveCountAsync(0);
        await browser.SeenAsync("province-agreement-terminated");

        // The same list in English.
        await page.GotoAsync(new Uri(stack.Portal, $"/language?culture=en&returnUrl={Uri.EscapeDataString("/province/units/bien-hoa/agreements?done=terminated")}").AbsoluteUri);
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("The agreement is ended.");
        await browser.SeenAsync("province-agreement-terminated-en");

        // Partners holds the signing, the renewal and the end.
        using var check = await stack.ApiAsync(ServiceNames.Partners, Given.ProvinceAdmin);
        var agreements = await Given.GetAsync(check, "/api/units/bien-hoa/agreements");
        var ended = agreements.EnumerateArray().Single(a => a.GetProperty("title").GetString() == title);
        ended.GetProperty("status").GetString().ShouldBe("Terminated");
        ended.GetProperty("renewals").GetInt32().ShouldBe(1);
        ended.GetProperty("endReason").GetString().ShouldBe("BHXH tỉnh điều chỉnh chương trình phối hợp sau sáp nhập");
    }

    [Fact]
    public async Task An_officer_adds_and_removes_a_partners_contact_suspends_it_with_a_reason_reactivates_and_dissolves_it()
    {
        var name = $"Hội Người cao tuổi {Guid.NewGuid().ToString("N")[..6]}";
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);

        await page.GotoAsync(new Uri(stack.Portal, "/partners/new").ToString());
        await page.GetByLabel("Tên đơn vị").FillAsync(name);
        await page.GetByLabel("Loại đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Hội, đoàn thể" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);

        // A contact needs a phone or an email: the service says so beside the phone, and keeps the name typed.
        await page.GetByTestId("add-contact").ClickAsync();
        await page.GetByLabel("Họ tên").FillAsync("Nguyễn Thị Hoa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm người liên hệ" }).ClickAsync();
        await Expect(page.Locator("#f-phone-error")).ToHaveTextAsync("Cần số điện thoại hoặc thư điện tử.");
        await Expect(page.GetByLabel("Họ tên")).ToHaveValueAsync("Nguyễn Thị Hoa");
        await browser.SeenAsync("add-partner-contact-problems");
        await page.GetByLabel("Chức vụ (nếu có)").FillAsync("Chủ tịch hội");
        await page.GetByLabel("Số điện thoại").FillAsync("0912345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm người liên hệ" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã thêm người liên hệ.");
        await Expect(page.GetByTestId("contacts")).ToContainTextAsync("Nguyễn Thị Hoa, Chủ tịch hội · 0912345678");
        await browser.SeenAsync("partner-with-contact");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bỏ Nguyễn Thị Hoa" }).ClickAsync();
        await browser.SeenAsync("remove-partner-contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ người liên hệ" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã bỏ người liên hệ.");
        await Expect(page.GetByTestId("contacts")).ToHaveCountAsync(0);

        // Suspending asks for a reason; the reason is shown with the status, and no agreement can be drafted meanwhile.
        await page.GetByTestId("change-status").ClickAsync();
        await Expect(page.GetByLabel("Tạm dừng (không ký thỏa thuận mới)")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(page.Locator("#f-reason-error")).ToContainTextAsync("Lý do");
        await browser.SeenAsync("change-partner-status-problems");
        await page.GetByLabel("Lý do", new() { Exact = true }).FillAsync("Hội đang kiện toàn ban chấp hành");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(page.GetByTestId("partner-status")).ToHaveTextAsync("Tạm dừng (Hội đang kiện toàn ban chấp hành)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Soạn thỏa thuận với đơn vị này" })).ToHaveCountAsync(0);

        await page.GetByTestId("change-status").ClickAsync();
        await page.GetByLabel("Hoạt động trở lại").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(page.GetByTestId("partner-status")).ToHaveTextAsync("Đang hoạt động");

        await page.GetByTestId("change-status").ClickAsync();
        await page.GetByLabel("Giải thể (đóng hồ sơ)").CheckAsync();
        await page.GetByLabel("Lý do", new() { Exact = true }).FillAsync("Sáp nhập vào Hội Cựu giáo chức");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(page.GetByTestId("partner-status")).ToContainTextAsync("Sáp nhập vào Hội Cựu giáo chức");
        await Expect(page.GetByTestId("change-status")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("add-contact")).ToHaveCountAsync(0);
        await browser.SeenAsync("partner-dissolved");
    }

    [Fact]
    public async Task An_officer_enlists_a_collaborator_holds_a_training_against_the_quarterly_rule_commends_a_person_and_names_an_employer_until_it_pays()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var association = $"Hội Phụ nữ {tag}";
        using (var partners = await stack.ApiAsync(ServiceNames.Partners, Officer))
        {
            await Given.SendAsync(partners, "/api/units/bien-hoa/partners", new { name = association, type = "UnionOrAssociation" });
        }

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Officer);

        // Collaborators.
        await page.MenuAsync("Cộng tác viên");
        await browser.SeenAsync("collaborators");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm cộng tác viên" }).ClickAsync();
        await page.GetByLabel("Họ tên").FillAsync($"Lê Văn Hùng {tag}");
        await page.GetByLabel("Loại", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cộng tác viên truyền thông" });
        await page.GetByLabel("Điện thoại").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.Locator("#f-phone-error")).ToContainTextAsync("Số điện thoại không hợp lệ");
        await Expect(page.GetByLabel("Họ tên")).ToHaveValueAsync($"Lê Văn Hùng {tag}");
        await browser.SeenAsync("enlist-collaborator-problems");
        await page.GetByLabel("Điện thoại").FillAsync("0912345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã thêm cộng tác viên.");
        await Expect(page.GetByTestId("collaborators")).ToContainTextAsync($"Lê Văn Hùng {tag}");

        // Trainings: one held for the association meets the rule for this quarter.
        await page.MenuAsync("Tập huấn");
        await Expect(page.GetByTestId("rule-text")).ToContainTextAsync("từ 1 đến 3 buổi tập huấn mỗi quý");
        await browser.SeenAsync("trainings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lên lịch tập huấn" }).ClickAsync();
        await page.GetByLabel("Hội, đoàn thể").SelectOptionAsync(new SelectOptionValue { Label = association });
        await page.GetByLabel("Chủ đề").FillAsync($"Chính sách BHXH tự nguyện {tag}");
        await browser.SeenAsync("schedule-training");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu lịch" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã lên lịch tập huấn.");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Ghi nhận đã tổ chức Chính sách BHXH tự nguyện {tag}" }).ClickAsync();
        await page.GetByLabel("Số người dự").FillAsync("25");
        await browser.SeenAsync("hold-training");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã ghi nhận buổi tập huấn.");
        var quarter = ((Today.Month - 1) / 3) + 1;
        var cell = page.GetByTestId("quarterly-rule").Locator("tr", new() { HasText = association }).Locator($"td[data-quarter='{quarter}']");
        await Expect(cell).ToHaveAttributeAsync("data-outcome", "Met");
        await Expect(cell).ToContainTextAsync("Đạt");

        // A second one, scheduled then cancelled for a reason: shown as cancelled, and the quarter stays met, not exceeded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lên lịch tập huấn" }).ClickAsync();
        await page.GetByLabel("Hội, đoàn thể").SelectOptionAsync(new SelectOptionValue { Label = association });
        await page.GetByLabel("Chủ đề").FillAsync($"Bảo hiểm y tế hộ gia đình {tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu lịch" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Hủy buổi Bảo hiểm y tế hộ gia đình {tag}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy buổi tập huấn" }).ClickAsync();
        await Expect(page.Locator("#f-reason-error")).ToBeVisibleAsync();
        await browser.SeenAsync("cancel-training-problems");
        await page.GetByLabel("Lý do hủy").FillAsync("Trùng lịch họp của hội");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy buổi tập huấn" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã hủy buổi tập huấn.");
        await Expect(page.GetByTestId("trainings").Locator("tr", new() { HasText = $"Bảo hiểm y tế hộ gia đình {tag}" }))
            .ToContainTextAsync("Đã hủy (Trùng lịch họp của hội)");
        await Expect(cell).ToHaveAttributeAsync("data-outcome", "Met");

        // Commendations.
        await page.MenuAsync("Khen thưởng");
        await browser.SeenAsync("commendations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận khen thưởng" }).ClickAsync();
        await page.GetByLabel("Họ tên cá nhân được khen").FillAsync($"Nguyễn Văn Tâm {tag}");
        await page.GetByLabel("Thành tích").FillAsync("Vận động 120 người tham gia BHXH tự nguyện");
        await browser.SeenAsync("award-commendation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(page.GetByTestId("commendations")).ToContainTextAsync($"Nguyễn Văn Tâm {tag}");

        // Recorded in error: withdrawn for a reason, it leaves the year's list.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Thu hồi Nguyễn Văn Tâm {tag}" }).ClickAsync();
        await browser.SeenAsync("withdraw-commendation");
        await page.GetByLabel("Lý do thu hồi").FillAsync("Ghi nhầm năm khen thưởng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi khen thưởng" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("Đã thu hồi khen thưởng.");
        await Expect(page.GetByText($"Nguyễn Văn Tâm {tag}")).ToHaveCountAsync(0);

        // Employer disclosures: named, then withdrawn when it paid.
        var employer = $"Công ty TNHH May {tag}";
        await page.MenuAsync("Công khai đơn vị nợ đóng");
        await browser.SeenAsync("employer-disclosures");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Công khai đơn vị nợ đóng" }).ClickAsync();
        await page.GetByLabel("Tên đơn vị sử dụng lao động").FillAsync(employer);
        await page.GetByLabel("Mã số thuế").FillAsync("3600123456");
        await page.GetByLabel("Số tiền nợ (đồng)").FillAsync("125.000.000");
        await page.GetByLabel("Số tháng chậm đóng").FillAsync("7");
        await page.GetByLabel("Kênh công bố").SelectOptionAsync(new SelectOptionValue { Label = "Trang thông tin điện tử" });
        await page.GetByLabel("Đường dẫn bài công bố").FillAsync("https://baodongnai.vn/cong-khai-no-dong");
        await browser.SeenAsync("disclose-employer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        var row = page.GetByTestId("disclosures").Locator("tr", new() { HasText = employer });
        await Expect(row).ToContainTextAsync("125.000.000");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Gỡ công khai {employer}" }).ClickAsync();
        await page.GetByLabel("Lý do gỡ").FillAsync("Đơn vị đã đóng đủ số nợ");
        await browser.SeenAsync("withdraw-disclosure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gỡ công khai" }).ClickAsync();
        await Expect(page.GetByTestId("disclosures").Locator("tr", new() { HasText = employer })).ToContainTextAsync($"Đã gỡ (đóng đủ ngày {Shown(Today)})");
    }
}
