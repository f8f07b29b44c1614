using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BhxhPlatform.Portal.Components.Pages.Reports;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Reports;

/// <summary>The results report page against a Planning that answers with a report or a problem.</summary>
public sealed class ResultsReportsPageTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    private readonly BunitContext _context = new();
    private readonly Culture _culture = Culture.Vietnamese();
    private readonly FakePlanning _planning = new();

    public ResultsReportsPageTests()
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        _context.Services.AddSingleton(new ReportsClient(new HttpClient(_planning) { BaseAddress = new Uri("http://planning") }));
        _context.Services.AddSingleton(new ProvincePlanningClient(new HttpClient(_planning) { BaseAddress = new Uri("http://planning") }));
    }

    public void Dispose()
    {
        _context.Dispose();
        _culture.Dispose();
    }

    public static ResultsReportView Report(string unit, string name, bool province) => new(
        new ReportIssuerView(unit, name, province, "BẢO HIỂM XÃ HỘI TỈNH ĐỒNG NAI", name.ToUpperInvariant(), "Biên Hòa"),
        2026, "m11", "tháng 11 năm 2026", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 4), new DateOnly(2026, 11, 30),
        new ReportTotalsView(1, 1, 8, 7, 96, 1234, 1500, 12500, 20000, 4, 40, 1000, 1, 87.5m),
        [new ReportUnitView("bien-hoa", "BHXH thành phố Biên Hòa", "Approved", 8, 7, 1500, 4, 1, 87.5m)],
        [new ReportAudienceView("3.1", "Người lao động tự do", 8, 7, 1500, 87.5m)],
        [
            new ReportLineView("1.02", "3.1", "Người lao động", "Hội nghị tuyên truyền", 1, 6, 6, 72, 70, 1200, 0, 100m),
            new ReportLineView("2.05", "3.1", "Người lao động", "Tờ rơi", 1, 2, 1, 24, 10, 300, 1, 50m),
            new ReportLineView("3.1.01", "3.1", "Người lao động", "Tin nhắn", 1, 0, 0, 0, 0, 0, 0, null),
        ])
    {
        // January had nothing due; March was behind; the period's month (November) is the last one.
        Months = [.. new[] { (0, 0), (8, 8), (8, 6), (8, 8), (8, 8), (8, 8), (8, 8), (8, 8), (8, 8), (8, 8), (8, 7) }
            .Select((m, i) => new ReportMonthView(i + 1, m.Item1, m.Item2, m.Item1 == 0 ? null : Math.Round(100m * m.Item2 / m.Item1, 1)))],
        Schemes =
        [
            new ReportSchemeView("VoluntarySocialInsurance", "BHXH tự nguyện", 3, 1250),
            new ReportSchemeView("HouseholdHealthInsurance", "BHYT hộ gia đình", 1, 2400),
            new ReportSchemeView("PensionTopUp", "Loại hình mới", 0, 7),
        ],
        Agreements =
        [
            new ReportAgreementsView("Contract", "Hợp đồng", 2, 0, 1, 0),
            new ReportAgreementsView("Programme", "Chương trình phối hợp", 3, 1, 0, 1),
        ],
        Trainings = new ReportTrainingsView(2, 85, 9, 1045),
        Commendations = new ReportCommendationsView(1, 2, 4, 1003),
    };

    /// <summary>The report as a Planning from before the months, schemes, agreements, trainings and commendations answers it: without them.</summary>
    private static JsonObject Older(ResultsReportView report)
    {
        var json = JsonSerializer.SerializeToNode(report, ServiceCalls.Json)!.AsObject();
        foreach (var part in (string[])["months", "schemes", "agreements", "trainings", "commendations"])
        {
            json.Remove(part).ShouldBeTrue(part);
        }

        return json;
    }

    private IRenderedComponent<ResultsReports> Render(string role, string unit, params (string Name, object? Value)[] query)
    {
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(PortalUser.NameClaim, "Người dùng"), new Claim(PortalUser.UnitClaim, unit), new Claim(PortalUser.RoleClaim, role)], "test")),
        };
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(query.ToDictionary(q => q.Name, q => q.Value)));
        return _context.Render<ResultsReports>(p => p.AddCascadingValue(http));
    }

    [Fact]
    public void An_officer_sees_the_units_figures_in_Vietnamese_numbers_and_the_two_downloads_of_the_same_report()
    {
        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false));

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"), ("asOf", "04/12/2026"));

        _planning.Asked.ShouldBe(["/api/units/bien-hoa/reports/2026/m11?asOf=2026-12-04"]);
        page.FindAll("select[name=unit]").ShouldBeEmpty();
        page.Find("h2#report-heading").TextContent.ShouldBe("BHXH thành phố Biên Hòa – tháng 11 năm 2026");
        page.Find("[data-testid=report-days]").TextContent.ShouldBe("Kỳ báo cáo từ 01/11/2026 đến 30/11/2026; số liệu tính đến hết ngày 30/11/2026.");
        var totals = page.Find("[data-testid=report-totals]");
        totals.QuerySelector("[data-figure=achieved]")!.TextContent.ShouldBe("7");
        totals.QuerySelector("[data-figure=percent]")!.TextContent.ShouldBe("87,5%");
        totals.QuerySelector("[data-figure=achieved-year]")!.TextContent.ShouldBe("1.234");
        totals.QuerySelector("[data-figure=people-reached-year]")!.TextContent.ShouldBe("12.500");
        page.Find("[data-testid=report-units] tr[data-unit=bien-hoa]").TextContent.ShouldContain("Đã duyệt");
        page.FindAll("[data-testid=report-lines] tbody tr").Select(r => r.GetAttribute("data-line")).ShouldBe(["1.02", "2.05", "3.1.01"]);
        page.Find("tr[data-line='3.1.01'] [data-figure=percent]").TextContent.ShouldBe("–");
        page.Find("[data-testid=download-docx]").GetAttribute("href").ShouldBe("/reports/download/docx?unit=bien-hoa&year=2026&period=m11&asOf=2026-12-04");
        page.Find("[data-testid=download-xlsx]").GetAttribute("href").ShouldBe("/reports/download/xlsx?unit=bien-hoa&year=2026&period=m11&asOf=2026-12-04");
        page.Find("#f-period option[selected]").GetAttribute("value").ShouldBe("m11");
        page.Find("#f-asOf").GetAttribute("value").ShouldBe("04/12/2026");
        page.FindAll("label").Select(l => l.GetAttribute("for")).ShouldBe(["f-year", "f-period", "f-asOf"]);
        page.FindAll("[data-testid=problem]").ShouldBeEmpty();
    }

    [Fact]
    public void A_province_administrator_chooses_the_province_or_one_of_its_units_and_the_province_is_the_default()
    {
        _planning.Answer("/api/organisation/provinces/dong-nai/districts", HttpStatusCode.OK, new[]
        {
            new DistrictView("bien-hoa", "731", "Thành phố Biên Hòa", "BHXH thành phố Biên Hòa", 30),
            new DistrictView("long-thanh", "740", "Huyện Long Thành", "BHXH huyện Long Thành", 14),
        });
        _planning.Answer("/api/units/dong-nai/reports/2026/m12", HttpStatusCode.OK, Report("dong-nai", "BHXH tỉnh Đồng Nai", province: true));

        var page = Render(PortalUser.ProvinceAdmin, "dong-nai");

        _planning.Asked.ShouldContain("/api/units/dong-nai/reports/2026/m12");
        page.FindAll("#f-unit option").Select(o => (o.GetAttribute("value"), o.TextContent)).ShouldBe(
            [("dong-nai", "Toàn tỉnh (tổng hợp các đơn vị)"), ("bien-hoa", "Thành phố Biên Hòa"), ("long-thanh", "Huyện Long Thành")]);
        page.Find("#f-unit option[selected]").GetAttribute("value").ShouldBe("dong-nai");
        page.Find("[data-testid=report]").GetAttribute("data-unit").ShouldBe("dong-nai");
    }

    [Fact]
    public void A_refused_period_is_Plannings_problem_beside_its_field_and_no_report_or_download_is_shown()
    {
        _planning.Answer("/api/units/bien-hoa/reports/2026/q9", HttpStatusCode.BadRequest, new
        {
            type = "https://bhxh.example/problems/validation",
            title = "Dữ liệu không hợp lệ / Invalid data",
            status = 400,
            fieldErrors = new[]
            {
                new { field = "period", code = "unknown-period", vi = "Kỳ báo cáo phải là m1…m12 (tháng), q1…q4 (quý) hoặc year (cả năm).", en = "The period must be m1…m12 (a month), q1…q4 (a quarter) or year (the whole year)." },
            },
        }, problem: true);

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "q9"));

        _planning.Asked.ShouldBe(["/api/units/bien-hoa/reports/2026/q9"]);
        var problem = page.Find("[data-testid=problem]");
        problem.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["#f-period"]);
        problem.TextContent.ShouldContain("Kỳ báo cáo phải là m1…m12");
        problem.QuerySelector("h2")!.TextContent.ShouldBe("Không lập được báo cáo: hãy sửa các trường sau");
        page.Find("#f-period-error").TextContent.ShouldContain("Kỳ báo cáo phải là");
        page.FindAll("[data-testid=report]").ShouldBeEmpty();
        page.FindAll("a[href^='/reports/download/']").ShouldBeEmpty();
    }

    [Fact]
    public void A_day_that_is_not_one_is_refused_in_the_fields_own_format_without_asking_Planning()
    {
        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m2"), ("asOf", "31/02/2026"));

        _planning.Asked.ShouldBeEmpty();
        page.Find("[data-testid=problem] a").GetAttribute("href").ShouldBe("#f-asOf");
        page.Find("#f-asOf-error").TextContent.ShouldBe("Ngày chốt số liệu phải theo dạng dd/mm/yyyy, ví dụ 30/11/2026.");
        page.Find("#f-asOf").GetAttribute("value").ShouldBe("31/02/2026");
        page.FindAll("[data-testid=report]").ShouldBeEmpty();
    }

    [Fact]
    public void A_unit_outside_the_persons_scope_is_refused_in_the_persons_language()
    {
        _planning.Answer("/api/units/long-thanh/reports/2026/year", HttpStatusCode.Forbidden, new
        {
            type = "https://bhxh.example/problems/forbidden",
            title = "Bạn không có quyền thực hiện thao tác này với dữ liệu này. / Your role may not do this with this data.",
            status = 403,
            code = "forbidden",
        }, problem: true);

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("unit", "long-thanh"), ("year", "2026"), ("period", "year"));
        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Bạn không có quyền thực hiện thao tác này với dữ liệu này.");
        page.FindAll("[data-testid=report]").ShouldBeEmpty();

        using var english = Culture.English();
        page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("unit", "long-thanh"), ("year", "2026"), ("period", "year"));
        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Your role may not do this with this data.");
        page.Find("h1").TextContent.ShouldBe("Communication results reports");
    }

    [Fact]
    public void A_refusal_without_a_body_still_says_what_happened()
    {
        _planning.Answer("/api/units/long-thanh/reports/2026/year", HttpStatusCode.Forbidden, null);

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("unit", "long-thanh"), ("year", "2026"), ("period", "year"));

        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Bạn không có quyền xem báo cáo của đơn vị này.");
    }

    [Fact]
    public void In_English_the_page_speaks_English_and_numbers_stay_Vietnamese()
    {
        using var english = Culture.English();
        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false));

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"));

        page.Find("h2#report-heading").TextContent.ShouldBe("BHXH thành phố Biên Hòa – November 2026");
        page.Find("[data-testid=download-docx]").TextContent.ShouldBe("Download as Word (.docx)");
        page.Find("[data-testid=report-totals] [data-figure=achieved-year]").TextContent.ShouldBe("1.234");
        page.Find("#f-period option[value=q4]").TextContent.ShouldBe("Q4");
    }

    [Fact]
    public void After_the_lines_come_the_months_and_the_enrolments_agreements_trainings_and_commendations_with_the_Word_reports_totals()
    {
        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false));

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"));

        page.FindAll("h3").Select(h => h.TextContent).ShouldBe(
            ["Tổng hợp", "Kết quả theo đơn vị", "Kết quả theo nhóm đối tượng", "Kết quả theo dòng kế hoạch", "Kết quả theo tháng",
             "Kết quả phát triển người tham gia, phối hợp, tập huấn và khen thưởng"]);
        page.FindAll("h4").Select(h => h.TextContent).ShouldBe(
            ["Người tham gia mới theo loại hình", "Chương trình, hợp đồng phối hợp", "Tập huấn, hội nghị", "Biểu dương, khen thưởng"]);
        page.FindAll("p.muted").ShouldBeEmpty();

        var months = page.Find("[data-testid=report-months]");
        months.QuerySelector("caption")!.TextContent.ShouldBe("Hoạt động kế hoạch và đã thực hiện của từng tháng, từ tháng 1 đến tháng cuối kỳ");
        months.QuerySelectorAll("thead th").Select(h => (h.GetAttribute("scope"), h.TextContent)).ShouldBe(
            [("col", "Tháng"), ("col", "Số hoạt động kế hoạch"), ("col", "Số hoạt động đã thực hiện"), ("col", "Tỷ lệ thực hiện")]);
        months.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-month")).ShouldBe([.. Enumerable.Range(1, 11).Select(m => $"{m}")]);
        months.QuerySelectorAll("tbody th[scope=row]").Select(h => h.TextContent).ShouldBe([.. Enumerable.Range(1, 11).Select(m => $"Tháng {m}")]);
        months.QuerySelector("tr[data-month='1'] [data-figure=percent]")!.TextContent.ShouldBe("–");
        months.QuerySelector("tr[data-month='3'] [data-figure=achieved]")!.TextContent.ShouldBe("6");
        months.QuerySelector("tr[data-month='3'] [data-figure=percent]")!.TextContent.ShouldBe("75%");
        months.QuerySelector("tr[data-month='11'] [data-figure=percent]")!.TextContent.ShouldBe("87,5%");
        months.QuerySelector("tr[data-month='11'] td")!.ClassName.ShouldBe("num");
        var monthTotal = months.QuerySelector("tfoot tr")!;
        monthTotal.QuerySelector("th[scope=row]")!.TextContent.ShouldBe("Tổng cộng");
        Figures(monthTotal).ShouldBe([("target", "80"), ("achieved", "77"), ("percent", "96,3%")]);

        var schemes = page.Find("[data-testid=report-schemes]");
        schemes.QuerySelector("caption")!.TextContent.ShouldBe("Người tham gia mới trong kỳ và lũy kế năm của từng loại hình");
        schemes.QuerySelectorAll("thead th").Select(h => h.TextContent).ShouldBe(["Loại hình", "Trong kỳ", "Lũy kế năm"]);
        schemes.QuerySelectorAll("tbody th[scope=row]").Select(h => h.TextContent).ShouldBe(["BHXH tự nguyện", "BHYT hộ gia đình", "Loại hình mới"]);
        Figures(schemes.QuerySelector("tr[data-scheme=VoluntarySocialInsurance]")!).ShouldBe([("enrolled", "3"), ("enrolled-year", "1.250")]);
        schemes.QuerySelector("tfoot th")!.TextContent.ShouldBe("Tổng cộng");
        Figures(schemes.QuerySelector("tfoot tr")!).ShouldBe([("enrolled", "4"), ("enrolled-year", "3.657")]);

        var agreements = page.Find("[data-testid=report-agreements]");
        agreements.QuerySelectorAll("thead th").Select(h => h.TextContent).ShouldBe(
            ["Loại", "Đang hiệu lực", "Ký mới trong kỳ", "Kết thúc trong kỳ", "Hết hạn trong 30 ngày tới"]);
        agreements.QuerySelectorAll("tbody tr").Select(r => (r.GetAttribute("data-kind"), r.QuerySelector("th")!.TextContent)).ShouldBe(
            [("Contract", "Hợp đồng"), ("Programme", "Chương trình phối hợp")]);
        Figures(agreements.QuerySelector("tr[data-kind=Programme]")!).ShouldBe([("in-force", "3"), ("started", "1"), ("ended", "0"), ("ending-soon", "1")]);
        Figures(agreements.QuerySelector("tfoot tr")!).ShouldBe([("in-force", "5"), ("started", "1"), ("ended", "1"), ("ending-soon", "1")]);

        var trainings = page.Find("[data-testid=report-trainings]");
        trainings.QuerySelectorAll("tbody th[scope=row]").Select(h => h.TextContent).ShouldBe(["Số lớp tập huấn, hội nghị", "Số lượt người tham dự"]);
        Figures(trainings.QuerySelector("tbody")!).ShouldBe([("held", "2"), ("held-year", "9"), ("attendees", "85"), ("attendees-year", "1.045")]);
        trainings.QuerySelector("tfoot").ShouldBeNull();

        var commendations = page.Find("[data-testid=report-commendations]");
        commendations.QuerySelectorAll("thead th").Select(h => h.TextContent).ShouldBe(["Đối tượng được khen thưởng", "Trong kỳ", "Lũy kế năm"]);
        commendations.QuerySelectorAll("tbody th[scope=row]").Select(h => h.TextContent).ShouldBe(["Tập thể", "Cá nhân"]);
        Figures(commendations.QuerySelector("tbody")!).ShouldBe(
            [("collectives", "1"), ("collectives-year", "4"), ("persons", "2"), ("persons-year", "1.003")]);
        Figures(commendations.QuerySelector("tfoot tr")!).ShouldBe([("total", "3"), ("total-year", "1.007")]);
    }

    [Fact]
    public void The_new_parts_are_read_under_Plannings_own_names()
    {
        // As Planning's ResultsReport serializes its parts after the lines (System.Text.Json, web defaults).
        var answer = Older(Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false));
        var parts = JsonNode.Parse("""
            {
              "months": [{ "month": 1, "target": 4, "achieved": 3, "percent": 75.0 }],
              "schemes": [{ "scheme": "StudentHealthInsurance", "name": "BHYT học sinh, sinh viên", "enrolled": 12, "enrolledYear": 3400 }],
              "agreements": [{ "kind": "Programme", "name": "Chương trình phối hợp", "inForce": 6, "started": 2, "ended": 1, "endingSoon": 3 }],
              "trainings": { "held": 1, "attendees": 40, "heldYear": 5, "attendeesYear": 1200 },
              "commendations": { "collectives": 2, "persons": 0, "collectivesYear": 7, "personsYear": 11 }
            }
            """)!.AsObject();
        foreach (var (name, value) in parts.ToList())
        {
            parts.Remove(name);
            answer[name] = value;
        }

        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, answer);

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"));

        Figures(page.Find("[data-testid=report-months] tr[data-month='1']")).ShouldBe([("target", "4"), ("achieved", "3"), ("percent", "75%")]);
        page.Find("[data-testid=report-schemes] tr[data-scheme=StudentHealthInsurance] th").TextContent.ShouldBe("BHYT học sinh, sinh viên");
        Figures(page.Find("[data-testid=report-schemes] tr[data-scheme=StudentHealthInsurance]")).ShouldBe([("enrolled", "12"), ("enrolled-year", "3.400")]);
        Figures(page.Find("[data-testid=report-agreements] tr[data-kind=Programme]")).ShouldBe(
            [("in-force", "6"), ("started", "2"), ("ended", "1"), ("ending-soon", "3")]);
        Figures(page.Find("[data-testid=report-trainings] tbody")).ShouldBe([("held", "1"), ("held-year", "5"), ("attendees", "40"), ("attendees-year", "1.200")]);
        Figures(page.Find("[data-testid=report-commendations] tfoot tr")).ShouldBe([("total", "2"), ("total-year", "18")]);
    }

    [Fact]
    public void An_older_Planning_without_the_new_parts_still_gives_the_report_and_says_there_is_nothing_to_show_for_them()
    {
        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Older(Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false)));

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"));

        page.Find("[data-testid=report-totals] [data-figure=achieved-year]").TextContent.ShouldBe("1.234");
        page.FindAll("[data-testid=report-lines] tbody tr").Count.ShouldBe(3);
        page.FindAll("p.muted").Select(p => (p.GetAttribute("data-testid"), p.TextContent)).ShouldBe(
        [
            ("no-months", "Chưa có số liệu theo tháng."),
            ("no-schemes", "Chưa có người tham gia mới trong năm."),
            ("no-agreements", "Chưa có chương trình, hợp đồng phối hợp nào."),
            ("no-trainings", "Chưa có số liệu tập huấn, hội nghị."),
            ("no-commendations", "Chưa có số liệu biểu dương, khen thưởng."),
        ]);
        page.FindAll("[data-testid=report-months], [data-testid=report-schemes], [data-testid=report-agreements], [data-testid=report-trainings], [data-testid=report-commendations]")
            .ShouldBeEmpty();
        page.FindAll("[data-testid=problem]").ShouldBeEmpty();
    }

    [Fact]
    public void In_English_the_new_parts_name_months_schemes_and_kinds_in_English_and_an_unknown_scheme_by_Plannings_name()
    {
        using var english = Culture.English();
        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false));

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"));

        page.FindAll("h3").Select(h => h.TextContent).Skip(4).ShouldBe(["Results per month", "Enrolments, coordination, trainings and commendations"]);
        page.FindAll("h4").Select(h => h.TextContent).ShouldBe(["New enrolments per scheme", "Coordination programmes and contracts", "Trainings and conferences", "Commendations"]);
        var months = page.Find("[data-testid=report-months]");
        months.QuerySelectorAll("thead th").Select(h => h.TextContent).ShouldBe(["Month", "Activities planned", "Activities done", "Share done"]);
        months.QuerySelectorAll("tbody th").Select(h => h.TextContent).ShouldBe(
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"]);
        months.QuerySelector("tfoot th")!.TextContent.ShouldBe("Total");
        months.QuerySelector("tfoot [data-figure=percent]")!.TextContent.ShouldBe("96,3%");
        page.FindAll("[data-testid=report-schemes] tbody th").Select(h => h.TextContent).ShouldBe(
            ["Voluntary social insurance", "Household health insurance", "Loại hình mới"]);
        page.Find("[data-testid=report-schemes] tfoot [data-figure=enrolled-year]").TextContent.ShouldBe("3.657");
        page.FindAll("[data-testid=report-schemes] thead th").Select(h => h.TextContent).ShouldBe(["Scheme", "In the period", "Year to date"]);
        page.FindAll("[data-testid=report-agreements] tbody th").Select(h => h.TextContent).ShouldBe(["Contract", "Coordination programme"]);
        page.FindAll("[data-testid=report-agreements] thead th").Select(h => h.TextContent).ShouldBe(
            ["Kind", "In force", "Signed in the period", "Ended in the period", "Ending within 30 days"]);
        page.FindAll("[data-testid=report-trainings] tbody th").Select(h => h.TextContent).ShouldBe(["Trainings and conferences held", "Attendances"]);
        page.FindAll("[data-testid=report-commendations] tbody th, [data-testid=report-commendations] tfoot th").Select(h => h.TextContent).ShouldBe(
            ["Organisations", "Persons", "Total"]);
        page.Find("[data-testid=report-commendations] caption").TextContent.ShouldBe("Organisations and persons commended, in the period and in the year so far");

        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Older(Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false)));
        page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"));
        page.Find("[data-testid=no-months]").TextContent.ShouldBe("No figures per month yet.");
        page.Find("[data-testid=no-commendations]").TextContent.ShouldBe("No figures on commendations yet.");
    }

    [Fact]
    public void A_failed_download_is_said_above_the_report()
    {
        _planning.Answer("/api/units/bien-hoa/reports/2026/m11", HttpStatusCode.OK, Report("bien-hoa", "BHXH thành phố Biên Hòa", province: false));

        var page = Render(PortalUser.DistrictOfficer, "bien-hoa", ("year", "2026"), ("period", "m11"), ("failed", "xlsx"));

        page.Find("[data-testid=download-failed]").TextContent.ShouldBe("Không tải được bản Excel của báo cáo. Hãy thử lại sau.");
    }

    /// <summary>The figures of a row (or of a table's body), in order: each cell's <c>data-figure</c> and its text.</summary>
    private static List<(string?, string)> Figures(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("[data-figure]").Select(c => (c.GetAttribute("data-figure"), c.TextContent))];

    /// <summary>Planning: answers a path with a status and JSON (or problem JSON), and records what was asked (path and query).</summary>
    internal sealed class FakePlanning : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode Status, object? Body, bool Problem)> _answers = [];

        public List<string> Asked { get; } = [];

        public void Answer(string path, HttpStatusCode status, object? body, bool problem = false) => _answers[path] = (status, body, problem);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            lock (Asked)
            {
                if (path.Contains("/reports/", StringComparison.Ordinal))
                {
                    Asked.Add(request.RequestUri.PathAndQuery);
                }
            }

            if (!_answers.TryGetValue(path, out var answer))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            }

            var response = new HttpResponseMessage(answer.Status);
            if (answer.Body is not null)
            {
                response.Content = new StringContent(JsonSerializer.Serialize(answer.Body, ServiceCalls.Json), Encoding.UTF8, answer.Problem ? "application/problem+json" : "application/json");
            }

            return Task.FromResult(response);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
