using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Components.Pages.Partnerships;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using System.Reflection;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Partnerships;

/// <summary>
/// Amending a signed agreement against a Partners that answers as told: the form starts from the current terms, the amendment goes
/// on the version read, Partners' problems appear beside their fields, a change made meanwhile is a conflict; the agreement's page
/// offers the amendment only to whom and when Partners allows it.
/// </summary>
public sealed class AgreementAmendmentTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly PartnerView Union = Partner("Liên đoàn Lao động huyện");
    private static readonly PartnerView Front = Partner("Ủy ban Mặt trận Tổ quốc");
    private static readonly PartnerView Farmers = Partner("Hội Nông dân huyện");
    private static readonly PartnerView Closed = Partner("Hợp tác xã Tân Phong", PartnerStatus.Dissolved);

    // Audience 9 and line 6.01 are not in this year's plan: the form cannot show the audience, and shows the line as it is.
    private static readonly PlanLineView[] Lines = [Line("3.1.01", "2", "Hội nghị người lao động"), Line("3.1.02", "2", "Tờ rơi"), Line("4.1", "5", "Tin nhắn")];

    private readonly BunitContext _context = new();
    private readonly FakePartners _partners = new();

    public AgreementAmendmentTests()
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(new PartnersClient(new HttpClient(_partners) { BaseAddress = new Uri("http://partners") }));
        _context.Services.AddSingleton(new PlanningClient(new HttpClient(new FakePlanning()) { BaseAddress = new Uri("http://planning") }));
        _context.Services.AddSingleton(new ProvincePlanningClient(new HttpClient(new FakePlanning()) { BaseAddress = new Uri("http://planning") }));
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7))));
    }

    public void Dispose() => _context.Dispose();

    private static AgreementView Contract(AgreementStatus status = AgreementStatus.Signed) => new(
        Guid.Parse("0196b2a0-0000-7000-8000-00000000a001"), AgreementKind.Contract, "Hợp đồng truyền thông 2026", [Union.Id, Front.Id],
        new AgreementScopeView(["2", "9"], [CommunicationForm.Conference], ["3.1.01", "6.01"], 12),
        new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 15_000_000m, status, new DateOnly(2026, 1, 5), 1, 0, null, null,
        status is AgreementStatus.Terminated or AgreementStatus.Expired ? new DateOnly(2026, 11, 30) : null, 5);

    [Fact]
    public void The_form_starts_from_the_agreement_s_current_parties_scope_and_value_and_leaves_kind_title_and_term_alone()
    {
        using var _ = Culture.Vietnamese();
        var page = RenderAmendment(Contract());

        page.Find("h1").TextContent.ShouldBe("Sửa đổi thỏa thuận");
        page.Find("input[type=hidden][name='Input.Version']").GetAttribute("value").ShouldBe("5");
        page.Find("[data-testid=agreement-term]").TextContent.ShouldBe("01/01/2026–31/12/2026");
        Ticks(page, "parties").ShouldBe([("Hội Nông dân huyện", false), ("Liên đoàn Lao động huyện", true), ("Ủy ban Mặt trận Tổ quốc", true)]);
        Ticks(page, "lines").ShouldBe(
        [
            ("3.1.01 — Hội nghị người lao động", true), ("3.1.02 — Tờ rơi", false), ("4.1 — Tin nhắn", false),
            ("6.01 — không có trong kế hoạch năm nay", true),
        ]);
        Ticks(page, "forms").Where(t => t.Ticked).Select(t => t.Label).ShouldBe(["Hội nghị"]);
        page.Find("#f-activitiesPerYear").GetAttribute("value").ShouldBe("12");
        page.Find("#f-valueVnd").GetAttribute("value").ShouldBe("15.000.000");
        page.Find("#f-note").TextContent.ShouldBeEmpty();
        page.FindAll("#f-kind, #f-title, #f-startsOn, #f-endsOn").ShouldBeEmpty();
        page.Find("fieldset[data-testid=term] legend").TextContent.ShouldBe("Giá trị");
        foreach (var field in page.FindAll("form input:not([type=hidden]), form select, form textarea"))
        {
            page.FindAll($"label[for='{field.Id}']").Count.ShouldBe(1, $"the label of {field.Id}");
        }
    }

    [Fact]
    public void A_party_that_is_no_longer_active_stays_ticked_and_says_so()
    {
        using var _ = Culture.Vietnamese();
        var page = RenderAmendment(Contract() with { PartnerIds = [Union.Id, Closed.Id] });

        Ticks(page, "parties").ShouldContain(("Hợp tác xã Tân Phong (Đã giải thể)", true));
    }

    [Fact]
    public void Saving_sends_the_amendment_on_the_version_read_and_goes_back_to_the_agreement_with_a_success_message()
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract();
        var page = RenderAmendment(agreement);

        page.Find("form[data-testid=amend-agreement]").Submit();

        var (path, body) = _partners.Sent.ShouldHaveSingleItem();
        path.ShouldBe($"/api/units/bien-hoa/agreements/{agreement.Id}/amend");
        var sent = JsonDocument.Parse(body).RootElement;
        sent.GetProperty("version").GetInt64().ShouldBe(5);
        Strings(sent, "partnerIds").ShouldBe([Union.Id.ToString(), Front.Id.ToString()]);
        Strings(sent, "planLineCodes").ShouldBe(["3.1.01", "6.01"]);
        Strings(sent, "audienceCodes").ShouldBe(["2", "9"]);
        Strings(sent, "formKinds").ShouldBe(["Conference"]);
        sent.GetProperty("activitiesPerYear").GetInt32().ShouldBe(12);
        sent.GetProperty("valueVnd").GetDecimal().ShouldBe(15_000_000m);
        sent.GetProperty("note").GetString().ShouldBe(string.Empty);
        _context.Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/agreements/{agreement.Id}?done=amended");
    }

    [Fact]
    public void The_amendment_carries_what_the_officer_changed_and_keeps_an_audience_no_plan_line_shows()
    {
        var agreement = Contract();
        var input = AgreementInput.From(agreement).Complete([Farmers, Union, Front], Lines);
        input.Parties.Single(c => c.Key == Front.Id.ToString()).Selected = false;
        input.Parties.Single(c => c.Key == Farmers.Id.ToString()).Selected = true;
        input.Lines.Single(c => c.Key == "3.1.01").Selected = false;
        input.Lines.Single(c => c.Key == "4.1").Selected = true;
        input.Forms.Single(c => c.Key == nameof(CommunicationForm.SmsPhone)).Selected = true;
        input.ActivitiesPerYear = "24";
        input.ValueVnd = "20.000.000";
        input.Note = "  Thêm Hội Nông dân, chuyển sang tin nhắn. ";

        var amendment = input.ToAmendment(Lines, agreement);

        amendment.ShouldBe(amendment with { Version = 5, ActivitiesPerYear = 24, ValueVnd = 20_000_000m, Note = "Thêm Hội Nông dân, chuyển sang tin nhắn." });
        amendment.PartnerIds.ShouldBe([Farmers.Id, Union.Id]);
        amendment.PlanLineCodes.ShouldBe(["4.1", "6.01"]);
        amendment.AudienceCodes.ShouldBe(["5", "9"], "audience 2 goes with its unticked line; 9, which no line of the plan names, stays");
        amendment.FormKinds.ShouldBe([CommunicationForm.Conference, CommunicationForm.SmsPhone]);
    }

    [Fact]
    public void Partners_field_problems_appear_beside_their_fields_and_the_form_keeps_what_was_typed()
    {
        using var _ = Culture.English();
        _partners.Answer = (HttpStatusCode.BadRequest, """
            {"status":400,"title":"Dữ liệu không hợp lệ / The request is not valid","code":"validation","fieldErrors":[
              {"field":"partnerIds","code":"partner-not-active","vi":"Đơn vị Ủy ban Mặt trận Tổ quốc không còn hoạt động.","en":"Partner Ủy ban Mặt trận Tổ quốc is not active."},
              {"field":"formKinds[0]","code":"unknown-form","vi":"Hình thức truyền thông không có trong danh mục.","en":"Unknown form of communication."},
              {"field":"activitiesPerYear","code":"out-of-range","vi":"Sai.","en":"Activities per year must be between 1 and 10000."},
              {"field":"valueVnd","code":"required","vi":"Hợp đồng phải có giá trị (đồng).","en":"A contract needs a value in VND."},
              {"field":"note","code":"required","vi":"Nội dung sửa đổi không được để trống.","en":"Note is required."}]}
            """);
        var page = RenderAmendment(Contract());

        page.Find("form[data-testid=amend-agreement]").Submit();

        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Not saved: please correct these fields");
        page.Find("#f-partnerIds-error").TextContent.ShouldBe("Partner Ủy ban Mặt trận Tổ quốc is not active.");
        page.Find("#f-formKinds-error").TextContent.ShouldBe("Unknown form of communication.");
        page.Find("#f-activitiesPerYear-error").TextContent.ShouldBe("Activities per year must be between 1 and 10000.");
        page.Find("#f-valueVnd-error").TextContent.ShouldBe("A contract needs a value in VND.");
        page.Find("#f-note-error").TextContent.ShouldBe("Note is required.");
        page.Find("#f-note").GetAttribute("aria-describedby").ShouldBe("note-hint f-note-error");
        page.Find("#f-valueVnd").GetAttribute("value").ShouldBe("15.000.000");
        _context.Services.GetRequiredService<NavigationManager>().Uri.ShouldNotContain("done=");
    }

    [Fact]
    public void A_change_made_meanwhile_is_Partners_409_shown_as_a_conflict_with_the_form_kept()
    {
        using var _ = Culture.Vietnamese();
        _partners.Answer = (HttpStatusCode.Conflict, """{"status":409,"code":"concurrency-conflict","title":"Xung đột / Conflict"}""");
        var page = RenderAmendment(Contract());

        page.Find("form[data-testid=amend-agreement]").Submit();

        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Người khác vừa thay đổi bản ghi này");
        page.Find("[data-testid=problem] p").TextContent.ShouldStartWith("Trong lúc bạn sửa, bản ghi đã được người khác thay đổi.");
        page.Find("#party-1").HasAttribute("checked").ShouldBeTrue();
        page.Find("#f-activitiesPerYear").GetAttribute("value").ShouldBe("12");
        _context.Services.GetRequiredService<NavigationManager>().Uri.ShouldNotContain("done=");
    }

    [Fact]
    public void An_agreement_ended_meanwhile_says_why_Partners_refused()
    {
        using var _ = Culture.Vietnamese();
        _partners.Answer = (HttpStatusCode.Conflict, """
            {"status":409,"code":"agreement-not-signed","title":"Xung đột trạng thái / Conflict with the current state",
             "detail":"Chỉ sửa đổi được thỏa thuận đã ký và còn hiệu lực. / Only a signed agreement in force can be amended."}
            """);
        var page = RenderAmendment(Contract());

        page.Find("form[data-testid=amend-agreement]").Submit();

        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Xung đột trạng thái");
        page.Find("[data-testid=problem] p").TextContent.ShouldBe("Chỉ sửa đổi được thỏa thuận đã ký và còn hiệu lực.");
    }

    [Theory]
    [InlineData(AgreementStatus.Drafted)]
    [InlineData(AgreementStatus.Terminated)]
    [InlineData(AgreementStatus.Expired)]
    public void An_agreement_not_in_force_offers_no_amendment_form(AgreementStatus status)
    {
        using var _ = Culture.Vietnamese();
        var page = RenderAmendment(Contract(status));

        page.FindAll("form").ShouldBeEmpty();
        page.Find("[data-testid=not-amendable]").TextContent.ShouldStartWith("Chỉ sửa đổi được thỏa thuận đã ký và còn hiệu lực");
    }

    [Theory]
    [InlineData(PortalUser.DistrictOfficer, AgreementStatus.Signed, true)]
    [InlineData(PortalUser.DistrictOfficer, AgreementStatus.Drafted, false)]
    [InlineData(PortalUser.DistrictOfficer, AgreementStatus.Terminated, false)]
    [InlineData(PortalUser.DistrictOfficer, AgreementStatus.Expired, false)]
    [InlineData(PortalUser.Auditor, AgreementStatus.Signed, false)]
    [InlineData(PortalUser.Partner, AgreementStatus.Signed, false)]
    public void The_agreement_s_page_links_the_amendment_only_for_a_role_Partners_lets_amend_and_an_agreement_in_force(string role, AgreementStatus status, bool offered)
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract(status);

        var page = RenderDetails(agreement, role);

        var links = page.FindAll("a[data-testid=amend-link]");
        links.Count.ShouldBe(offered ? 1 : 0);
        if (offered)
        {
            links[0].GetAttribute("href").ShouldBe($"/agreements/{agreement.Id}/amend");
            links[0].TextContent.ShouldBe("Sửa đổi thỏa thuận");
        }
    }

    [Fact]
    public void The_page_admits_exactly_the_roles_Partners_access_matrix_lets_amend()
    {
        var allowed = AccessMatrix.Embedded().RulesFor("partners", "AmendAgreement").ShouldNotBeNull();
        var page = typeof(AmendAgreement).GetCustomAttribute<AuthorizeAttribute>().ShouldNotBeNull();

        page.Roles!.Split(',').Order(StringComparer.Ordinal).ShouldBe(allowed.Keys.Order(StringComparer.Ordinal));
        allowed[PortalUser.ProvinceAdmin].ShouldBe(AccessScope.Province);
        allowed[PortalUser.DistrictOfficer].ShouldBe(AccessScope.Unit);
    }

    [Fact]
    public void A_province_administrator_amends_an_agreement_of_a_district_of_the_province_and_goes_back_to_the_district_s_agreements()
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract();
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/agreements/{agreement.Id}/amend?unit=bien-hoa");
        var page = RenderAmendment(agreement, PortalUser.ProvinceAdmin, Province);

        page.Find("[data-testid=agreement-unit]").TextContent.ShouldBe("Biên Hòa");
        page.Find("input[type=hidden][name='Input.Version']").GetAttribute("value").ShouldBe("5");
        Ticks(page, "parties").Where(t => t.Ticked).Select(t => t.Label).ShouldBe(["Liên đoàn Lao động huyện", "Ủy ban Mặt trận Tổ quốc"]);
        page.Find("a.button.secondary").GetAttribute("href").ShouldBe("/province/units/bien-hoa/agreements");
        page.FindAll($"a[href='/agreements/{agreement.Id}']").ShouldBeEmpty("the agreement's own page is the district officer's");

        page.Find("form[data-testid=amend-agreement]").Submit();

        var (path, body) = _partners.Sent.ShouldHaveSingleItem();
        path.ShouldBe($"/api/units/bien-hoa/agreements/{agreement.Id}/amend");
        JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt64().ShouldBe(5);
        navigation.Uri.ShouldEndWith("/province/units/bien-hoa/agreements?done=amended");
    }

    [Theory]
    [InlineData("vung-tau")]
    [InlineData("")]
    public void A_province_administrator_finds_no_agreement_of_a_unit_outside_the_province(string unit)
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/agreements/{agreement.Id}/amend?unit={unit}");

        var page = RenderAmendment(agreement, PortalUser.ProvinceAdmin, Province);

        page.Find("[data-testid=no-agreement]").TextContent.ShouldBe("Không tìm thấy thỏa thuận này.");
        page.FindAll("form").ShouldBeEmpty();
        _partners.Read.ShouldBeEmpty("Partners is not asked about a unit the administrator does not govern");
    }

    [Fact]
    public void A_district_officer_amends_in_the_own_unit_whatever_unit_the_address_names()
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/agreements/{agreement.Id}/amend?unit=vung-tau");
        var page = RenderAmendment(agreement);

        page.Find("form[data-testid=amend-agreement]").Submit();

        _partners.Sent.ShouldHaveSingleItem().Path.ShouldBe($"/api/units/bien-hoa/agreements/{agreement.Id}/amend");
        _partners.Read.ShouldAllBe(p => p.StartsWith("/api/units/bien-hoa/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PortalUser.DistrictOfficer, "bien-hoa", true)]
    [InlineData(PortalUser.ProvinceAdmin, Province, true)]
    [InlineData(PortalUser.Auditor, Province, false)]
    [InlineData(PortalUser.Partner, "bien-hoa", false)]
    [InlineData(PortalUser.CollectionAgent, "bien-hoa", false)]
    public void The_agreement_list_links_the_amendment_of_a_signed_agreement_for_exactly_the_roles_Partners_lets_amend(string role, string unit, bool offered)
    {
        using var _ = Culture.Vietnamese();
        var signed = Contract();
        var drafted = Contract(AgreementStatus.Drafted) with { Id = Guid.CreateVersion7(), Title = "Dự thảo" };
        var ended = Contract(AgreementStatus.Terminated) with { Id = Guid.CreateVersion7(), Title = "Đã chấm dứt" };
        var user = new PortalUser("Người dùng", "user", unit, [role], null);

        var table = _context.Render<AgreementTable>(p => p
            .Add(c => c.Agreements, [signed, drafted, ended]).Add(c => c.Partners, [Union, Front]).Add(c => c.Today, Today)
            .Add(c => c.Caption, "Thỏa thuận").Add(c => c.User, user).Add(c => c.Unit, "bien-hoa"));

        var links = table.FindAll("a[data-testid=amend-row-link]");
        links.Count.ShouldBe(offered ? 1 : 0);
        table.FindAll("thead th").Count.ShouldBe(offered ? 7 : 6);
        if (offered)
        {
            links[0].Closest("tr")!.GetAttribute("data-agreement").ShouldBe(signed.Id.ToString());
            links[0].TextContent.ShouldBe("Sửa đổi");
            links[0].GetAttribute("aria-label").ShouldBe("Sửa đổi thỏa thuận Hợp đồng truyền thông 2026");
            links[0].GetAttribute("href").ShouldBe(role == PortalUser.ProvinceAdmin
                ? $"/agreements/{signed.Id}/amend?unit=bien-hoa"
                : $"/agreements/{signed.Id}/amend");
        }
    }

    [Fact]
    public void A_list_without_a_reader_has_no_amendment_links_and_titles_lead_to_the_agreement_unless_told_not_to()
    {
        using var _ = Culture.Vietnamese();
        var signed = Contract();

        var plain = _context.Render<AgreementTable>(p => p
            .Add(c => c.Agreements, [signed]).Add(c => c.Today, Today).Add(c => c.Caption, "Thỏa thuận"));
        plain.FindAll("a[data-testid=amend-row-link]").ShouldBeEmpty();
        plain.Find("tbody th a").GetAttribute("href").ShouldBe($"/agreements/{signed.Id}");

        var province = _context.Render<AgreementTable>(p => p
            .Add(c => c.Agreements, [signed]).Add(c => c.Today, Today).Add(c => c.Caption, "Thỏa thuận").Add(c => c.DetailsLinked, false));
        province.FindAll("tbody th a").ShouldBeEmpty();
        province.Find("tbody th").TextContent.ShouldBe("Hợp đồng truyền thông 2026");
    }

    [Fact]
    public void The_district_s_agreements_page_shows_the_province_administrator_the_district_s_agreements_with_their_pages_and_the_amendment_s_link()
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/province/units/bien-hoa/agreements?done=amended");
        var page = RenderUnitAgreements(agreement, "bien-hoa");

        page.Find("h1").TextContent.ShouldBe("Thỏa thuận phối hợp của Biên Hòa");
        page.Find("[data-testid=done]").TextContent.ShouldBe("Đã sửa đổi thỏa thuận.");
        var row = page.Find($"tr[data-agreement='{agreement.Id}']");
        row.TextContent.ShouldContain("Liên đoàn Lao động huyện, Ủy ban Mặt trận Tổ quốc");
        row.QuerySelector("a[data-testid=amend-row-link]")!.GetAttribute("href").ShouldBe($"/agreements/{agreement.Id}/amend?unit=bien-hoa");
        row.QuerySelector("th a")!.GetAttribute("href").ShouldBe($"/agreements/{agreement.Id}?unit=bien-hoa");
    }

    [Theory]
    [InlineData(AgreementStatus.Drafted, new[] { "sign" })]
    [InlineData(AgreementStatus.Signed, new[] { "amend", "renew", "terminate" })]
    [InlineData(AgreementStatus.Terminated, new string[0])]
    [InlineData(AgreementStatus.Expired, new string[0])]
    public void The_district_s_agreements_page_offers_beside_the_amendment_the_changes_Partners_allows_in_the_agreement_s_status(AgreementStatus status, string[] offered)
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract(status);
        var page = RenderUnitAgreements(agreement, "bien-hoa");

        var links = page.Find($"tr[data-agreement='{agreement.Id}']").QuerySelectorAll("td.actions a");
        links.Select(a => a.GetAttribute("data-testid")).ShouldBe([.. offered.Select(o => $"{o}-row-link")]);
        var expected = new Dictionary<string, (string Text, string Label, string Href)>
        {
            ["sign"] = ("Ký", "Ghi nhận ký kết thỏa thuận Hợp đồng truyền thông 2026", $"/agreements/{agreement.Id}?unit=bien-hoa#sign"),
            ["amend"] = ("Sửa đổi", "Sửa đổi thỏa thuận Hợp đồng truyền thông 2026", $"/agreements/{agreement.Id}/amend?unit=bien-hoa"),
            ["renew"] = ("Gia hạn", "Gia hạn thỏa thuận Hợp đồng truyền thông 2026", $"/agreements/{agreement.Id}?unit=bien-hoa#renew"),
            ["terminate"] = ("Chấm dứt", "Chấm dứt thỏa thuận Hợp đồng truyền thông 2026", $"/agreements/{agreement.Id}?unit=bien-hoa#terminate"),
        };
        foreach (var (link, name) in links.Zip(offered))
        {
            (link.TextContent, link.GetAttribute("aria-label"), link.GetAttribute("href")).ShouldBe(expected[name]);
        }

        // An agreement with nothing left to do says so instead of an empty cell.
        page.Find($"tr[data-agreement='{agreement.Id}']").QuerySelectorAll("[data-testid=no-row-action]").Select(e => e.TextContent)
            .ShouldBe(offered.Length == 0 ? ["Không còn thao tác"] : []);
    }

    [Theory]
    [InlineData("signed", "Đã ghi nhận ký kết; thỏa thuận có hiệu lực.")]
    [InlineData("renewed", "Đã gia hạn thỏa thuận.")]
    [InlineData("terminated", "Đã chấm dứt thỏa thuận.")]
    [InlineData("amended", "Đã sửa đổi thỏa thuận.")]
    [InlineData("bogus", null)]
    public void The_district_s_agreements_page_says_what_the_administrator_just_did(string done, string? said)
    {
        using var _ = Culture.Vietnamese();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/province/units/bien-hoa/agreements?done={done}");

        var page = RenderUnitAgreements(Contract(), "bien-hoa");

        page.FindAll("[data-testid=done]").Select(e => e.TextContent).ShouldBe(said is null ? [] : [said]);
    }

    [Theory]
    [InlineData("SignAgreement")]
    [InlineData("RenewAgreement")]
    [InlineData("TerminateAgreement")]
    public void The_agreement_s_page_admits_exactly_the_roles_Partners_access_matrix_lets_sign_renew_and_end(string operation)
    {
        var allowed = AccessMatrix.Embedded().RulesFor("partners", operation).ShouldNotBeNull();
        var page = typeof(AgreementDetails).GetCustomAttribute<AuthorizeAttribute>().ShouldNotBeNull();

        page.Roles!.Split(',').Order(StringComparer.Ordinal).ShouldBe(allowed.Keys.Order(StringComparer.Ordinal));
        allowed[PortalUser.ProvinceAdmin].ShouldBe(AccessScope.Province);
    }

    [Fact]
    public void A_province_administrator_opens_a_district_s_draft_with_the_signing_form_and_the_way_back_to_the_district()
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract(AgreementStatus.Drafted);
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/agreements/{agreement.Id}?unit=bien-hoa");

        var page = RenderPage<AgreementDetails>(agreement, PortalUser.ProvinceAdmin, p => p.Add(c => c.Id, agreement.Id), Province);

        page.Find("h1").TextContent.ShouldBe("Hợp đồng truyền thông 2026");
        page.Find("[data-testid=agreement-unit]").TextContent.ShouldBe("Biên Hòa");
        page.Find("section#sign form[data-testid=sign-agreement]").ShouldNotBeNull();
        page.Find("label[for=f-signedOn]").TextContent.ShouldBe("Ngày ký");
        page.FindAll("form[data-testid=renew-agreement], form[data-testid=terminate-agreement], a[data-testid=amend-link]").ShouldBeEmpty();
        page.FindAll("a[href^='/partners']").ShouldBeEmpty("the partners' pages are the district officer's");
        page.Find("[data-testid=agreement-facts]").TextContent.ShouldContain("Liên đoàn Lao động huyện, Ủy ban Mặt trận Tổ quốc");
        page.Find("a[href='/province/units/bien-hoa/agreements']").TextContent.ShouldBe("Về danh sách thỏa thuận của đơn vị");
        _partners.Read.ShouldAllBe(p => p.StartsWith("/api/units/bien-hoa/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_province_administrator_renews_or_ends_a_district_s_agreement_in_force_and_amends_it_for_the_district()
    {
        using var _ = Culture.English();
        var agreement = Contract();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/agreements/{agreement.Id}?unit=bien-hoa");

        var page = RenderPage<AgreementDetails>(agreement, PortalUser.ProvinceAdmin, p => p.Add(c => c.Id, agreement.Id), Province);

        page.Find("section#renew h2").TextContent.ShouldBe("Renew");
        page.Find("section#terminate h2").TextContent.ShouldBe("End early");
        page.Find("#f-endsOn").GetAttribute("value").ShouldBe("2027-12-31");
        page.Find("a[data-testid=amend-link]").GetAttribute("href").ShouldBe($"/agreements/{agreement.Id}/amend?unit=bien-hoa");
        page.Find("a[href='/province/units/bien-hoa/agreements']").TextContent.ShouldBe("Back to the unit's agreements");
        page.FindAll("form[data-testid=sign-agreement]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("vung-tau")]
    [InlineData("")]
    public void A_province_administrator_opens_no_agreement_of_a_unit_outside_the_province(string unit)
    {
        using var _ = Culture.Vietnamese();
        var agreement = Contract();
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/agreements/{agreement.Id}?unit={unit}");

        var page = RenderPage<AgreementDetails>(agreement, PortalUser.ProvinceAdmin, p => p.Add(c => c.Id, agreement.Id), Province);

        page.Find("[data-testid=no-agreement]").TextContent.ShouldBe("Không tìm thấy thỏa thuận này.");
        page.Find("a[href='/province/dashboard']").ShouldNotBeNull();
        page.FindAll("form").ShouldBeEmpty();
        _partners.Read.ShouldBeEmpty("Partners is not asked about a unit the administrator does not govern");
    }

    [Fact]
    public void An_agreement_s_address_names_the_district_for_the_administrator_only()
    {
        var id = Guid.Parse("0196b2a0-0000-7000-8000-00000000a001");
        var officer = new PortalUser("Cán bộ", "officer", "bien-hoa", [PortalUser.DistrictOfficer], null);
        var admin = new PortalUser("Quản trị", "admin", Province, [PortalUser.ProvinceAdmin], null);

        AgreementDetails.Link(officer, "bien-hoa", id).ShouldBe($"/agreements/{id}");
        AgreementDetails.Link(officer, "bien-hoa", id, "renew").ShouldBe($"/agreements/{id}#renew");
        AgreementDetails.Link(admin, "bien hoa", id, "sign").ShouldBe($"/agreements/{id}?unit=bien%20hoa#sign");
    }

    [Fact]
    public void The_district_s_agreements_page_knows_no_unit_outside_the_province()
    {
        using var _ = Culture.Vietnamese();
        var page = RenderUnitAgreements(Contract(), "vung-tau");

        page.Find("[data-testid=no-unit]").TextContent.ShouldBe("Không tìm thấy đơn vị này trong tỉnh.");
        page.FindAll("table").ShouldBeEmpty();
        _partners.Read.ShouldBeEmpty();
    }

    [Fact]
    public void The_amendment_and_its_link_speak_English_when_asked()
    {
        using var _ = Culture.English();
        var agreement = Contract();

        var form = RenderAmendment(agreement);
        form.Find("h1").TextContent.ShouldBe("Amend the agreement");
        form.Find("label[for=f-note]").TextContent.ShouldBe("What the amendment changes");
        form.Find("fieldset[data-testid=term] legend").TextContent.ShouldBe("Value");
        form.Find("form button[type=submit]").TextContent.ShouldBe("Save the amendment");
        form.Find("label[for=line-3]").TextContent.ShouldBe("6.01 — not in this year's plan");
        form.Find("[data-testid=agreement-term]").TextContent.ShouldBe("01/01/2026–31/12/2026");

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/agreements/{agreement.Id}?done=amended");
        var details = RenderDetails(agreement, PortalUser.DistrictOfficer);
        details.Find("[data-testid=done]").TextContent.ShouldBe("The agreement was amended.");
        details.Find("a[data-testid=amend-link]").TextContent.ShouldBe("Amend the agreement");
        details.Find("[data-testid=agreement-facts]").TextContent.ShouldContain("Amendments");
    }

    private const string Province = "dong-nai";

    private IRenderedComponent<AmendAgreement> RenderAmendment(AgreementView agreement, string role = PortalUser.DistrictOfficer, string unit = "bien-hoa") =>
        RenderPage<AmendAgreement>(agreement, role, p => p.Add(c => c.Id, agreement.Id), unit);

    private IRenderedComponent<UnitAgreements> RenderUnitAgreements(AgreementView agreement, string district)
    {
        _partners.Agreement = agreement;
        var page = _context.Render<UnitAgreements>(p =>
        {
            p.AddCascadingValue(Http(PortalUser.ProvinceAdmin, Province));
            p.Add(c => c.District, district);
        });
        page.WaitForAssertion(() => page.FindAll("table, [data-testid=no-unit]").ShouldNotBeEmpty());
        return page;
    }

    private static DefaultHttpContext Http(string role, string unit) => new()
    {
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalUser.NameClaim, "Cán bộ"), new Claim(PortalUser.UnitClaim, unit), new Claim(PortalUser.RoleClaim, role)], "test")),
    };

    private IRenderedComponent<AgreementDetails> RenderDetails(AgreementView agreement, string role) =>
        RenderPage<AgreementDetails>(agreement, role, p => p.Add(c => c.Id, agreement.Id));

    private IRenderedComponent<T> RenderPage<T>(AgreementView agreement, string role, Action<ComponentParameterCollectionBuilder<T>> id, string unit = "bien-hoa")
        where T : IComponent
    {
        _partners.Agreement = agreement;
        var http = Http(role, unit);
        var page = _context.Render<T>(p =>
        {
            p.AddCascadingValue(http);
            id(p);
        });
        // Both pages show the agreement's facts once Partners has answered (the amendment, for an agreement in force).
        page.WaitForAssertion(() => page.FindAll("[data-testid=agreement-facts], [data-testid=not-amendable], [data-testid=no-agreement]").ShouldNotBeEmpty());
        return page;
    }

    /// <summary>The labels of one list of checkboxes in order, each with whether it is ticked.</summary>
    private static List<(string Label, bool Ticked)> Ticks(IRenderedComponent<AmendAgreement> page, string list) =>
        [.. page.FindAll($"fieldset[data-testid={list}] input[type=checkbox]")
            .Select(box => (page.Find($"label[for='{box.Id}']").TextContent, box.HasAttribute("checked")))];

    private static List<string?> Strings(JsonElement body, string property) =>
        [.. body.GetProperty(property).EnumerateArray().Select(e => e.GetString())];

    private static PartnerView Partner(string name, PartnerStatus status = PartnerStatus.Active) =>
        new(Guid.CreateVersion7(), name, PartnerType.UnionOrAssociation, null, status, null, [], 1);

    private static PlanLineView Line(string code, string audience, string subject) => new(
        code, audience, subject, "Hội nghị", CommunicationForm.Conference, null, new FrequencyView("Monthly", null, null, null, null),
        "Phòng Truyền thông", [], null, []);

    /// <summary>Partners: the agreement and the district's partners (by name) to read; each write recorded and answered as told.</summary>
    private sealed class FakePartners : HttpMessageHandler
    {
        public AgreementView? Agreement { get; set; }

        public (HttpStatusCode Status, string Body) Answer { get; set; } = (HttpStatusCode.OK, """{"id":"0196b2a0-0000-7000-8000-00000000a001","version":6}""");

        public List<(string Path, string Body)> Sent { get; } = [];

        public List<string> Read { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method != HttpMethod.Get)
            {
                Sent.Add((path, await request.Content!.ReadAsStringAsync(cancellationToken)));
                var media = Answer.Status == HttpStatusCode.OK ? "application/json" : "application/problem+json";
                return new HttpResponseMessage(Answer.Status) { Content = new StringContent(Answer.Body, Encoding.UTF8, media) };
            }

            Read.Add(path);
            object? body = path switch
            {
                "/api/units/bien-hoa/agreements" when Agreement is not null => new[] { Agreement },
                "/api/units/bien-hoa/partners" => new[] { Farmers, Union, Front, Closed },
                _ when Agreement is not null && path == $"/api/units/bien-hoa/agreements/{Agreement.Id}" => Agreement,
                _ => null,
            };
            return body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(JsonSerializer.Serialize(body, ServiceCalls.Json), Encoding.UTF8, "application/json"),
                };
        }
    }

    /// <summary>Planning: this year's plan of the unit, with three lines; the province dong-nai, with its district Biên Hòa.</summary>
    private sealed class FakePlanning : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == $"/api/organisation/provinces/{Province}/districts")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(JsonSerializer.Serialize(new[] { new DistrictView("bien-hoa", "731", "Biên Hòa", "BHXH Biên Hòa", 30) }, ServiceCalls.Json), Encoding.UTF8, "application/json"),
                });
            }

            if (request.RequestUri!.AbsolutePath != $"/api/units/bien-hoa/district-plans/years/{Today.Year}")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            }

            var plan = new DistrictPlanView(Guid.CreateVersion7(), "bien-hoa", Today.Year, Guid.CreateVersion7(), 1, "Approved", 0, null, 3000,
                [.. Lines.Select(l => new DistrictPlanLineView(l, null))], 4);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(JsonSerializer.Serialize(plan, ServiceCalls.Json), Encoding.UTF8, "application/json"),
            });
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
