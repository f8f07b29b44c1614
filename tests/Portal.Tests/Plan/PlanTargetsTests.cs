using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Components.Pages.Plan;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Plan;

/// <summary>The officer's targets page against a Planning that answers as told: the fields it shows, the request it sends, the problems beside the fields.</summary>
public sealed class PlanTargetsTests : IDisposable
{
    private static readonly Guid PlanId = Guid.Parse("6f1d1e7e-0000-4000-8000-000000000001");
    private readonly BunitContext _context = new();
    private readonly FakePlanning _planning = new();

    public PlanTargetsTests()
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton(new PlanningClient(new HttpClient(_planning) { BaseAddress = new Uri("http://planning") }));
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void A_returned_plan_shows_the_reason_and_a_field_per_target_with_the_plan_values()
    {
        using var _ = Culture.Vietnamese();
        _planning.Plan = Plan("Returned", "Chỉ tiêu hội nghị quá thấp");

        var page = Render();

        page.Find("[data-testid=last-reason]").TextContent.ShouldBe("Chỉ tiêu hội nghị quá thấp");
        page.Find("#f-lines-0-activities").GetAttribute("value").ShouldBe("4");
        page.Find("label[for=f-lines-0-activities]").TextContent.ShouldBe("Số hoạt động cả năm của dòng 1.1");
        // The cadence only where the line's rule uses it (a regular line), organisations only for a per-organisation rule.
        page.FindAll("#f-lines-0-cadenceMonths").ShouldBeEmpty();
        page.Find("#f-lines-1-cadenceMonths").GetAttribute("value").ShouldBe("2");
        page.Find("#f-peopleReached").GetAttribute("value").ShouldBe("3000");
        page.FindAll("input[id^=f-enrolments-][id$=-people]").Count.ShouldBe(Enum.GetValues<EnrolmentScheme>().Length);
        page.Find("#f-enrolments-1-people").GetAttribute("value").ShouldBe("700");
    }

    [Fact]
    public void Saving_sends_every_line_and_scheme_and_shows_each_refused_field_beside_its_input()
    {
        using var _ = Culture.English();
        _planning.Plan = Plan("Draft", null);
        _planning.Answer = (HttpStatusCode.BadRequest, """
            {"status":400,"title":"Dữ liệu không hợp lệ / Invalid input","fieldErrors":[
              {"field":"lines[1].activities","code":"out-of-range","vi":"Số hoạt động phải từ 0 đến 10000.","en":"Activities must be between 0 and 10000."},
              {"field":"peopleReached","code":"out-of-range","vi":"Sai.","en":"People reached must be between 0 and 10000000."}]}
            """);
        var page = Render();

        page.Find("form[data-testid=targets-form]").Submit();

        var sent = JsonDocument.Parse(_planning.Sent.ShouldHaveSingleItem().Body).RootElement;
        _planning.Sent[0].Path.ShouldBe($"/api/units/bien-hoa/district-plans/{PlanId}/targets");
        sent.GetProperty("version").GetInt64().ShouldBe(7);
        sent.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ShouldBe(["1.1", "2.3"]);
        sent.GetProperty("enrolments").GetArrayLength().ShouldBe(4);
        page.Find("#f-lines-1-activities-error").TextContent.ShouldBe("Activities must be between 0 and 10000.");
        page.Find("#f-lines-1-activities").GetAttribute("aria-describedby").ShouldBe("f-lines-1-activities-error");
        page.Find("#f-peopleReached-error").TextContent.ShouldBe("People reached must be between 0 and 10000000.");
        page.FindAll("[data-testid=problem] li a").Select(a => a.GetAttribute("href")).ShouldBe(["#f-lines-1-activities", "#f-peopleReached"]);
    }

    [Fact]
    public void A_stale_submission_says_someone_else_changed_the_plan()
    {
        using var _ = Culture.Vietnamese();
        _planning.Plan = Plan("Draft", null);
        _planning.Answer = (HttpStatusCode.Conflict, """{"status":409,"code":"concurrency-conflict","title":"Xung đột / Conflict"}""");
        var page = Render();

        page.Find("[data-testid=submit-plan]").Closest("form")!.Submit();

        _planning.Sent.ShouldHaveSingleItem().Path.ShouldEndWith("/submit");
        page.Find("[data-testid=problem] h2").TextContent.ShouldBe("Người khác vừa thay đổi bản ghi này");
        page.Find("#f-lines-0-activities").ShouldNotBeNull();
    }

    [Fact]
    public void A_submitted_plan_offers_no_form()
    {
        using var _ = Culture.Vietnamese();
        _planning.Plan = Plan("Submitted", null);

        var page = Render();

        page.FindAll("form").ShouldBeEmpty();
        page.Find("[data-testid=not-editable]").ShouldNotBeNull();
    }

    [Fact]
    public void The_catalogue_lines_the_plan_lacks_are_offered_and_every_line_has_its_remove_button()
    {
        using var _ = Culture.Vietnamese();
        _planning.Plan = Plan("Draft", null);

        var page = Render();

        page.FindAll("#f-line option").Select(o => o.GetAttribute("value")).ShouldBe(["", "3.4"]);
        page.FindAll("button[data-testid=remove-line]").Select(b => b.GetAttribute("value")).ShouldBe(["1.1", "2.3"]);
        page.FindAll("button[data-testid=remove-line]").ShouldAllBe(b => b.GetAttribute("form") == "plan-remove-line");
        page.Find("form#plan-remove-line input[name='Removal.Version']").GetAttribute("value").ShouldBe("7");
    }

    [Fact]
    public void A_refused_removal_shows_Plannings_reason_and_keeps_the_line()
    {
        using var _ = Culture.English();
        _planning.Plan = Plan("Amending", "Bổ sung");
        _planning.Answer = (HttpStatusCode.Conflict, """
            {"status":409,"code":"line-has-activities","title":"Đã có hoạt động được ghi nhận theo dòng này; không thể bỏ dòng. / Activities are logged against this line; it cannot be removed."}
            """);
        var page = Render();

        page.Find("form#plan-remove-line").Submit();

        _planning.Sent.ShouldHaveSingleItem().Path.ShouldBe($"/api/units/bien-hoa/district-plans/{PlanId}/lines/remove");
        page.Find("[data-testid=problem]").TextContent.ShouldContain("Activities are logged against this line; it cannot be removed.");
        page.FindAll("tr[data-line='1.1']").Count.ShouldBe(1);
    }

    [Fact]
    public void Adding_without_a_chosen_line_is_refused_beside_the_list_and_sends_nothing()
    {
        using var _ = Culture.Vietnamese();
        _planning.Plan = Plan("Draft", null);
        var page = Render();

        page.Find("form[data-testid=add-line-form]").Submit();

        _planning.Sent.ShouldBeEmpty();
        page.Find("#f-line-error").TextContent.ShouldBe("Chọn một dòng trong danh mục.");
    }

    private IRenderedComponent<PlanTargets> Render()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalUser.UnitClaim, "bien-hoa"), new Claim(PortalUser.RoleClaim, PortalUser.DistrictOfficer)], "test"));
        return _context.Render<PlanTargets>(p => p.AddCascadingValue<HttpContext>(new DefaultHttpContext { User = user }));
    }

    private static string Plan(string status, string? reason) => JsonSerializer.Serialize(new
    {
        id = PlanId, district = "bien-hoa", year = 2026, templateId = Guid.NewGuid(), templateVersion = 1, status, revision = 0,
        lastReason = reason, peopleReachedTarget = 3000, version = 7,
        enrolmentTargets = new[] { new { scheme = "HouseholdHealthInsurance", people = 700 } },
        lines = new object[]
        {
            new { line = Line("1.1", "Monthly", CommunicationForm.Conference), target = new { code = "1.1", activities = 4 } },
            new { line = Line("2.3", "Regular", CommunicationForm.MassMedia), target = new { code = "2.3", activities = 6, cadenceMonths = 2 } },
        },
    }, JsonSerializerOptions.Web);

    private static object Line(string code, string kind, CommunicationForm form) => new
    {
        code, audienceCode = "NLD", subject = $"Nội dung {code}", form = "…", formKind = form.ToString(), frequencyText = "Hằng tháng",
        frequency = new { kind }, leadUnit = "Phòng Truyền thông", partnerUnits = Array.Empty<string>(), tasks = Array.Empty<string>(),
    };

    private sealed class FakePlanning : HttpMessageHandler
    {
        public string Plan { get; set; } = string.Empty;

        public (HttpStatusCode Status, string Body) Answer { get; set; } = (HttpStatusCode.NoContent, string.Empty);

        public List<(string Path, string Body)> Sent { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath == "/api/catalogue/lines")
            {
                var catalogue = JsonSerializer.Serialize(
                    new[] { Line("1.1", "Monthly", CommunicationForm.Conference), Line("2.3", "Regular", CommunicationForm.MassMedia), Line("3.4", "Regular", CommunicationForm.MassMedia) },
                    JsonSerializerOptions.Web);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(catalogue, Encoding.UTF8, "application/json") };
            }

            if (request.Method == HttpMethod.Get)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Plan, Encoding.UTF8, "application/json") };
            }

            Sent.Add((request.RequestUri!.AbsolutePath, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(Answer.Status) { Content = new StringContent(Answer.Body, Encoding.UTF8, "application/problem+json") };
        }
    }
}
