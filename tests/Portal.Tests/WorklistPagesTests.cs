using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Portal.Components.Pages.Worklists;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests;

/// <summary>The working lists show what the services list, in the person's language, days as dd/MM/yyyy, the late ones marked.</summary>
public sealed class WorklistPagesTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly List<string> _asked = [];

    public void Dispose() => _context.Dispose();

    private static readonly FollowUpListView FollowUps = new(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 13), 1,
    [
        new(Guid.Parse("0196b2a0-0000-7000-8000-0000000000a1"), new DateOnly(2026, 12, 3), 3, "can.bo.lan", "Lê Thị Hoa", "0912345678", null,
            TargetScheme.VoluntarySocialInsurance, ProspectStatus.Contacted, null, null, null, 2),
        new(Guid.Parse("0196b2a0-0000-7000-8000-0000000000a2"), new DateOnly(2026, 12, 9), -3, "can.bo.lan", "Trần Văn Nam", null, "0987654321",
            TargetScheme.HouseholdHealthInsurance, ProspectStatus.HandedOff, null, Guid.CreateVersion7(), "Điểm thu Bưu điện Hố Nai", 3),
    ]);

    private static readonly CardRenewalListView Cards = new(new DateOnly(2026, 12, 6), new DateOnly(2027, 1, 5), 2, 5,
    [
        new(Guid.Parse("0196b2a0-0000-7000-8000-0000000000b1"), EnrolmentScheme.HouseholdHealthInsurance, 4, new DateOnly(2026, 1, 6), new DateOnly(2026, 12, 6), 0,
            null, null, null, null, null, "thu.hoa"),
        new(Guid.Parse("0196b2a0-0000-7000-8000-0000000000b2"), EnrolmentScheme.StudentHealthInsurance, 1, new DateOnly(2026, 1, 20), new DateOnly(2026, 12, 26), 20,
            Guid.CreateVersion7(), "Phạm Minh Khôi", "0911222333", null, null, "thu.hoa"),
    ]);

    private static OverdueLineView Line(string unit, string unitName, string code, string audience, int expectedByNow, int logged, DateOnly dueOn) =>
        new(unit, unitName, Guid.Parse("0196b2a0-0000-7000-8000-0000000000c1"), "Approved", code, "Người lao động tự do tại " + unitName, audience,
            audience == "2" ? "Học sinh, sinh viên" : "Người lao động tự do", "Hội nghị truyền thông", "2 hội nghị/quý", "Quarterly",
            12000, expectedByNow, logged, expectedByNow - logged, dueOn);

    private static readonly OverdueLinesListView Overdue = new("bien-hoa", "BHXH thành phố Biên Hòa", 2026, new DateOnly(2026, 11, 25),
    [
        Line("bien-hoa", "BHXH thành phố Biên Hòa", "1.2", "1", 1500, 250, new DateOnly(2026, 3, 31)),
        Line("bien-hoa", "BHXH thành phố Biên Hòa", "1.10", "2", 8, 5, new DateOnly(2026, 9, 30)),
    ]);

    private static readonly OverdueLinesListView ProvinceOverdue = new("dong-nai", "BHXH tỉnh Đồng Nai", 2026, new DateOnly(2026, 11, 25),
    [
        Line("long-khanh", "BHXH thành phố Long Khánh", "2.1", "1", 6, 1, new DateOnly(2026, 6, 30)),
        Line("bien-hoa", "BHXH thành phố Biên Hòa", "1.2", "1", 4, 2, new DateOnly(2026, 8, 31)),
    ]);

    private static readonly AudienceView[] Audiences = [new("1", "Người lao động tự do", null), new("2", "Học sinh, sinh viên", null)];

    private IRenderedComponent<T> Render<T>(string role = PortalUser.DistrictOfficer, Dictionary<string, object?>? query = null, string unit = "bien-hoa")
        where T : IComponent
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<IHttpClientFactory>(new Factory(this));
        _context.Services.AddSingleton<WorklistsClient>();
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters("/worklists", query ?? []));
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(PortalUser.NameClaim, "Cán bộ Lan"), new Claim(PortalUser.UserNameClaim, "can.bo.lan"), new Claim(PortalUser.UnitClaim, unit),
                 new Claim(PortalUser.RoleClaim, role)], "test")),
        };
        return _context.Render<T>(p => p.AddCascadingValue(http));
    }

    [Fact]
    public void The_follow_ups_show_the_late_first_with_how_late_and_whom_to_call()
    {
        using var culture = Culture.Vietnamese();
        var page = Render<FollowUps>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=follow-ups] tbody tr").Count.ShouldBe(2));
        page.Find("[data-testid=summary]").TextContent.ShouldBe("2 người cần liên hệ, 1 người đã quá hẹn (hẹn đến ngày 13/12/2026).");
        var (late, due) = (page.FindAll("[data-testid=follow-ups] tbody tr")[0], page.FindAll("[data-testid=follow-ups] tbody tr")[1]);
        late.ClassList.ShouldContain("overdue");
        late.TextContent.ShouldContain("03/12/2026");
        late.QuerySelector("[data-testid=late]")!.TextContent.ShouldBe("quá hẹn 3 ngày");
        late.TextContent.ShouldContain("0912345678");
        due.ClassList.ShouldNotContain("overdue");
        due.QuerySelector("[data-testid=late]").ShouldBeNull();
        due.TextContent.ShouldContain("0987654321");
        due.TextContent.ShouldContain("Điểm thu Bưu điện Hố Nai");
        due.QuerySelector("a")!.GetAttribute("href").ShouldBe("/prospects/0196b2a0-0000-7000-8000-0000000000a2/follow-up");
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/follow-ups?days=7");
        _asked.ShouldContain("/api/units/bien-hoa/worklists/follow-ups?days=7");
        page.FindAll(".tabs a").Select(a => a.TextContent).ShouldBe(["Cần liên hệ lại", "Thẻ cần gia hạn", "Dòng kế hoạch chậm tiến độ"]);
    }

    [Fact]
    public void One_assignees_follow_ups_are_asked_for_by_name_chosen_among_everyones_and_carried_into_the_download()
    {
        var page = Render<FollowUps>(query: new() { ["assignee"] = "can.bo.lan", ["days"] = 30 });

        page.WaitForAssertion(() => page.FindAll("[data-testid=follow-ups] tbody tr").Count.ShouldBe(2));
        _asked.ShouldContain("/api/units/bien-hoa/worklists/follow-ups?days=30&assignee=can.bo.lan");
        _asked.ShouldContain("/api/units/bien-hoa/worklists/follow-ups?days=30");
        page.Find("label[for=assignee]").TextContent.ShouldBe("Người phụ trách");
        page.FindAll("#assignee option").Select(o => (o.TextContent, o.HasAttribute("selected"))).ShouldBe([("Tất cả", false), ("can.bo.lan", true)]);
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/follow-ups?days=30&assignee=can.bo.lan");
    }

    [Fact]
    public void Mine_only_asks_for_the_persons_own_and_a_collection_agent_has_no_planning_tab()
    {
        using var culture = Culture.English();
        var page = Render<FollowUps>(PortalUser.CollectionAgent, new() { ["mine"] = true, ["days"] = 30 });

        page.WaitForAssertion(() => page.Find("[data-testid=summary]").TextContent.ShouldBe("2 people to contact, 1 overdue (due by 13/12/2026)."));
        _asked.ShouldContain("/api/units/bien-hoa/worklists/follow-ups?days=30&mine=true");
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/follow-ups?days=30&mine=true");
        page.FindAll(".tabs a").Select(a => a.TextContent).ShouldBe(["Follow-ups", "Cards to renew"]);
        page.Find("[data-testid=late]").TextContent.ShouldBe("3 days overdue");
    }

    [Fact]
    public void The_cards_to_renew_show_each_card_its_last_day_and_who_enrolled_it()
    {
        using var culture = Culture.Vietnamese();
        var page = Render<Renewals>(query: new() { ["days"] = 30, ["scheme"] = "StudentHealthInsurance" });

        page.WaitForAssertion(() => page.FindAll("[data-testid=renewals] tbody tr").Count.ShouldBe(2));
        page.Find("[data-testid=summary]").TextContent.ShouldBe("5 thẻ hết hạn từ ngày 06/12/2026 đến ngày 05/01/2027.");
        var (today, later) = (page.FindAll("[data-testid=renewals] tbody tr")[0], page.FindAll("[data-testid=renewals] tbody tr")[1]);
        today.TextContent.ShouldContain("06/12/2026");
        today.TextContent.ShouldContain("hết hạn hôm nay");
        today.TextContent.ShouldContain("BHYT hộ gia đình");
        today.TextContent.ShouldContain("(nhóm, ghi theo số lượng)");
        today.ClassList.ShouldContain("overdue");
        later.TextContent.ShouldContain("còn 20 ngày");
        later.TextContent.ShouldContain("Phạm Minh Khôi");
        later.TextContent.ShouldContain("thu.hoa");
        later.ClassList.ShouldNotContain("overdue");
        _asked.ShouldContain("/api/units/bien-hoa/worklists/renewals?days=30&scheme=StudentHealthInsurance");
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/renewals?days=30&scheme=StudentHealthInsurance");
    }

    [Fact]
    public void A_list_the_service_refuses_shows_its_problem_field_by_field()
    {
        using var culture = Culture.Vietnamese();
        var page = Render<Renewals>(query: new() { ["days"] = 365 });

        page.WaitForAssertion(() => page.Markup.ShouldContain("Số ngày tới phải từ 1 đến 90."));
        page.FindAll("[data-testid=renewals]").ShouldBeEmpty();
    }

    [Fact]
    public void The_overdue_lines_show_the_most_behind_first_with_what_is_missing_and_since_when()
    {
        using var culture = Culture.Vietnamese();
        var page = Render<OverdueLines>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=overdue-lines] tbody tr").Count.ShouldBe(2));
        page.Find("[data-testid=summary]").TextContent.ShouldBe("2 dòng kế hoạch năm 2026 của BHXH thành phố Biên Hòa chậm tiến độ, tính đến ngày 25/11/2026.");
        page.FindAll("[data-testid=overdue-lines] thead th").Select(h => h.TextContent).ShouldBe(
        [
            "Mã dòng", "Chủ thể được truyền thông", "Nhóm đối tượng", "Hình thức truyền thông", "Tần suất/thời gian thực hiện",
            "Kế hoạch đến ngày", "Đã thực hiện", "Còn thiếu", "Chậm từ ngày", "Kế hoạch năm",
        ]);
        var rows = page.FindAll("[data-testid=overdue-lines] tbody tr");
        rows.Select(r => r.QuerySelector("th")!.TextContent).ShouldBe(["1.2", "1.10"]);
        rows[0].Children.Select(c => c.TextContent).ShouldBe(
        [
            "1.2", "Người lao động tự do tại BHXH thành phố Biên Hòa", "1. Người lao động tự do", "Hội nghị truyền thông", "2 hội nghị/quý",
            "1.500", "250", "1.250", "31/03/2026", "12.000",
        ]);
        rows.ShouldAllBe(r => r.ClassList.Contains("overdue"));
        rows[1].TextContent.ShouldContain("30/09/2026");
        _asked.ShouldContain("/api/units/bien-hoa/worklists/overdue-lines");
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/overdue-lines");
        page.FindAll("#audience option").Select(o => o.TextContent).ShouldBe(["Tất cả các nhóm đối tượng", "1. Người lao động tự do", "2. Học sinh, sinh viên"]);
        page.Find("#asOf").GetAttribute("value").ShouldBe("2026-11-25");
        page.Find(".tabs a.active").TextContent.ShouldBe("Dòng kế hoạch chậm tiến độ");
    }

    [Fact]
    public void The_overdue_lines_speak_english_and_send_the_filters_to_planning_and_the_download()
    {
        using var culture = Culture.English();
        var page = Render<OverdueLines>(query: new() { ["asOf"] = "2026-11-25", ["audience"] = "2", ["linePrefix"] = "1.1" });

        page.WaitForAssertion(() => page.FindAll("[data-testid=overdue-lines] tbody tr").Count.ShouldBe(2));
        page.Find("h1").TextContent.ShouldBe("Plan lines behind schedule");
        page.FindAll("[data-testid=overdue-lines] thead th").Select(h => h.TextContent).ShouldBe(
            ["Line", "Subject", "Audience", "Form", "Frequency / timing", "Due by now", "Done", "Missing", "Behind since", "Year target"]);
        page.Find("[data-testid=summary]").TextContent.ShouldBe("2 of BHXH thành phố Biên Hòa's plan lines for 2026 behind schedule, as of 25/11/2026.");
        page.FindAll("[data-testid=behind]")[0].TextContent.ShouldBe("1.250");
        _asked.ShouldContain("/api/units/bien-hoa/worklists/overdue-lines?asOf=2026-11-25&audience=2&linePrefix=1.1");
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/overdue-lines?asOf=2026-11-25&audience=2&linePrefix=1.1");
        page.Find("#audience option[selected]").GetAttribute("value").ShouldBe("2");
        page.Find("#linePrefix").GetAttribute("value").ShouldBe("1.1");
    }

    [Fact]
    public void A_province_sees_its_units_lines_with_the_unit_and_no_tabs_of_the_districts_lists()
    {
        using var culture = Culture.Vietnamese();
        var page = Render<OverdueLines>(PortalUser.ProvinceAdmin, unit: "dong-nai");

        page.WaitForAssertion(() => page.FindAll("[data-testid=overdue-lines] tbody tr").Count.ShouldBe(2));
        page.FindAll("[data-testid=overdue-lines] thead th")[0].TextContent.ShouldBe("Đơn vị");
        page.FindAll("[data-testid=overdue-lines] tbody tr").Select(r => r.Children[0].TextContent)
            .ShouldBe(["BHXH thành phố Long Khánh", "BHXH thành phố Biên Hòa"]);
        page.FindAll(".tabs").ShouldBeEmpty();
        _asked.ShouldContain("/api/units/dong-nai/worklists/overdue-lines");
    }

    [Fact]
    public void No_overdue_line_says_so()
    {
        using var culture = Culture.Vietnamese();
        var page = Render<OverdueLines>(query: new() { ["linePrefix"] = "9" });

        page.WaitForAssertion(() => page.Find("[data-testid=empty]").TextContent.ShouldBe("Không có dòng kế hoạch nào chậm tiến độ."));
        page.FindAll("[data-testid=overdue-lines]").ShouldBeEmpty();
        _asked.ShouldContain("/api/units/bien-hoa/worklists/overdue-lines?linePrefix=9");
    }

    [Fact]
    public void A_day_planning_refuses_shows_its_problem()
    {
        using var culture = Culture.English();
        var page = Render<OverdueLines>(query: new() { ["asOf"] = "2026-02-30" });

        page.WaitForAssertion(() => page.Markup.ShouldContain("The day (asOf) is not a valid date."));
        page.FindAll("[data-testid=overdue-lines]").ShouldBeEmpty();
        page.FindAll("[data-testid=summary]").ShouldBeEmpty();
        page.Find("[data-testid=download]").GetAttribute("href").ShouldBe("/worklists/download/overdue-lines?asOf=2026-02-30");
    }

    [Fact]
    public void The_overdue_lines_download_is_for_the_plans_people_and_its_query_leaves_blanks_out()
    {
        WorklistDownload.RolesOf("overdue-lines").ShouldBe([PortalUser.DistrictOfficer, PortalUser.ProvinceAdmin]);
        WorklistDownload.RolesOf("renewals").ShouldBe([PortalUser.DistrictOfficer, PortalUser.CollectionAgent]);
        WorklistsClient.OverdueLinesQuery(null, " ", " 1.2 ").ShouldBe("linePrefix=1.2");
        WorklistsClient.OverdueLinesQuery("2026-11-25", "2&x", null).ShouldBe("asOf=2026-11-25&audience=2%26x");
        WorklistsClient.OverdueLinesQuery(null, null, null).ShouldBeEmpty();
    }

    private sealed class Factory(WorklistPagesTests test) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Answer(test)) { BaseAddress = new Uri("http://" + name[WorklistsClient.ClientPrefix.Length..]) };
    }

    private sealed class Answer(WorklistPagesTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var asked = request.RequestUri!.PathAndQuery;
            test._asked.Add(asked);
            if (asked.Contains("days=365", StringComparison.Ordinal))
            {
                var problem = """{"status":400,"title":"Dữ liệu không hợp lệ","fieldErrors":[{"field":"days","code":"out-of-range","vi":"Số ngày tới phải từ 1 đến 90.","en":"The number of days ahead must be 1 to 90."}]}""";
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(problem, Encoding.UTF8, "application/problem+json") });
            }

            if (asked.Contains("asOf=2026-02-30", StringComparison.Ordinal))
            {
                var problem = """{"status":400,"title":"Dữ liệu không hợp lệ","fieldErrors":[{"field":"asOf","code":"invalid-date","vi":"Ngày (asOf) không phải là ngày hợp lệ.","en":"The day (asOf) is not a valid date."}]}""";
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(problem, Encoding.UTF8, "application/problem+json") });
            }

            object? body = request.RequestUri.AbsolutePath switch
            {
                "/api/units/bien-hoa/worklists/follow-ups" => FollowUps,
                "/api/units/bien-hoa/worklists/renewals" => Cards,
                "/api/units/bien-hoa/worklists/overdue-lines" when asked.Contains("linePrefix=9", StringComparison.Ordinal) => Overdue with { Lines = [] },
                "/api/units/bien-hoa/worklists/overdue-lines" => Overdue,
                "/api/units/dong-nai/worklists/overdue-lines" => ProvinceOverdue,
                "/api/catalogue/audiences" => Audiences,
                _ => null,
            };
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body, ServiceCalls.Json), Encoding.UTF8, "application/json") });
        }
    }
}
