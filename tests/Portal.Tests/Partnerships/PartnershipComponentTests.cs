using System.Net;
using System.Security.Claims;
using System.Text;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Components.Pages.Partnerships;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Partnerships;

/// <summary>The partners and agreements pages' pieces: the lists, the 30-day window, the draft's fields and what it sends, and which changes an agreement offers.</summary>
public sealed class PartnershipComponentTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private readonly BunitContext _context = new();
    private readonly Culture _culture = Culture.Vietnamese();

    public PartnershipComponentTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        _context.Dispose();
        _culture.Dispose();
    }

    private static readonly PartnerView Union = Partner("Liên đoàn Lao động huyện", PartnerType.UnionOrAssociation);
    private static readonly PartnerView Front = Partner("Ủy ban Mặt trận Tổ quốc", PartnerType.FatherlandFront, "bien-hoa.trang-dai");

    private static PartnerView Partner(string name, PartnerType type, string? commune = null, PartnerStatus status = PartnerStatus.Active) =>
        new(Guid.CreateVersion7(), name, type, commune, status, null, [], 1);

    private static AgreementView Agreement(string title, AgreementStatus status, DateOnly endsOn, decimal? value = null, params Guid[] parties) =>
        new(Guid.CreateVersion7(), value is null ? AgreementKind.Programme : AgreementKind.Contract, title, parties,
            new AgreementScopeView([], [], [], null), new DateOnly(2026, 1, 1), endsOn, value, status, null, 0, 0, null, null, null, 2);

    [Fact]
    public void The_partner_list_names_type_jurisdiction_and_status_in_Vietnamese_and_links_each_partner()
    {
        var table = _context.Render<PartnerTable>(p => p
            .Add(c => c.Partners, [Union, Front])
            .Add(c => c.Communes, [new CommuneView("bien-hoa.trang-dai", "25993", "Phường Trảng Dài")]));

        var rows = table.FindAll("tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/partners/{Union.Id}");
        rows[0].TextContent.ShouldContain("Hội, đoàn thể");
        rows[0].TextContent.ShouldContain("Toàn huyện");
        rows[1].TextContent.ShouldContain("Phường Trảng Dài");
        rows[1].TextContent.ShouldContain("Đang hoạt động");
    }

    [Fact]
    public void An_empty_registry_says_so()
    {
        var table = _context.Render<PartnerTable>(p => p.Add(c => c.Partners, []));

        table.Find("[data-testid=no-partners]").TextContent.ShouldBe("Chưa có đơn vị phối hợp nào.");
    }

    [Fact]
    public void The_agreements_show_parties_term_and_value_in_vi_VN_and_flag_only_those_in_force_ending_within_30_days()
    {
        var soon = Agreement("Chương trình phối hợp 2026", AgreementStatus.Signed, Today.AddDays(30), parties: [Union.Id, Front.Id]);
        var later = Agreement("Hợp đồng tuyên truyền", AgreementStatus.Signed, Today.AddDays(31), 15_000_000m, Union.Id);
        var draft = Agreement("Dự thảo phối hợp", AgreementStatus.Drafted, Today.AddDays(5), parties: Union.Id);

        var table = _context.Render<AgreementTable>(p => p
            .Add(c => c.Agreements, [soon, later, draft]).Add(c => c.Partners, [Union, Front]).Add(c => c.Today, Today).Add(c => c.Caption, "Thỏa thuận"));

        var row = table.Find($"tr[data-agreement='{soon.Id}']");
        row.TextContent.ShouldContain("Liên đoàn Lao động huyện, Ủy ban Mặt trận Tổ quốc");
        row.TextContent.ShouldContain("01/01/2026–02/01/2027");
        row.QuerySelector("[data-testid=expiring-flag]").ShouldNotBeNull();
        table.Find($"tr[data-agreement='{later.Id}']").TextContent.ShouldContain("15.000.000");
        table.Find($"tr[data-agreement='{later.Id}']").QuerySelector("[data-testid=expiring-flag]").ShouldBeNull();
        table.Find($"tr[data-agreement='{draft.Id}']").QuerySelector("[data-testid=expiring-flag]").ShouldBeNull();
        table.Find($"tr[data-agreement='{draft.Id}']").TextContent.ShouldContain("Dự thảo");
    }

    [Fact]
    public void The_expiring_list_keeps_the_next_30_days_soonest_first_with_the_days_left()
    {
        ExpiringAgreementView In(string title, int days) => new(Guid.CreateVersion7(), "Contract", title, [Union.Id], Today.AddDays(days));
        var list = _context.Render<ExpiringList>(p => p
            .Add(c => c.Agreements, [In("Sau", 30), In("Quá xa", 31), In("Trước", 2), In("Đã qua", -1)])
            .Add(c => c.Partners, [Union]).Add(c => c.Today, Today));

        list.FindAll("tbody th").Select(t => t.TextContent).ShouldBe(["Trước", "Sau"]);
        list.FindAll("tbody tr").Select(r => r.Children[4].TextContent).ShouldBe(["2", "30"]);
        list.Find("tbody tr").TextContent.ShouldContain("Hợp đồng");
        list.Find("tbody tr").TextContent.ShouldContain("05/12/2026");
    }

    [Fact]
    public void The_draft_offers_active_partners_and_plan_lines_to_tick_labels_every_input_and_shows_problems_beside_their_fields()
    {
        var suspended = Partner("Hội Nông dân", PartnerType.UnionOrAssociation, status: PartnerStatus.Suspended);
        var lines = new[] { Line("3.1.01", "2", "Hội nghị người lao động") };
        var input = new AgreementInput().Complete([Union, suspended], lines, Union.Id);
        var problem = new ServiceProblem(400, null, "Invalid", null, null,
            [new FieldError("endsOn", "before-start", "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must be after the start date."),
             new FieldError("partnerIds", "required", "Cần ít nhất một đơn vị tham gia.", "At least one partner is required.")]);

        var form = _context.Render<AgreementFields>(p => p
            .Add(c => c.Input, input).Add(c => c.Partners, [Union, suspended]).Add(c => c.Lines, lines).Add(c => c.Problem, problem));

        form.FindAll("fieldset[data-testid=parties] input[type=checkbox]").Count.ShouldBe(1);
        form.Find("#party-0").HasAttribute("checked").ShouldBeTrue();
        form.Find("label[for=line-0]").TextContent.ShouldBe("3.1.01 — Hội nghị người lao động");
        form.FindAll("fieldset[data-testid=forms] input[type=checkbox]").Count.ShouldBe(Enum.GetValues<CommunicationForm>().Length);
        foreach (var field in form.FindAll("input:not([type=hidden]), select, textarea"))
        {
            form.FindAll($"label[for='{field.Id}']").Count.ShouldBe(1, $"the label of {field.Id}");
        }

        form.Find("#f-endsOn-error").TextContent.ShouldBe("Ngày kết thúc phải sau ngày bắt đầu.");
        form.Find("#f-endsOn").GetAttribute("aria-describedby").ShouldBe("f-endsOn-error");
        form.Find("#f-partnerIds-error").TextContent.ShouldBe("Cần ít nhất một đơn vị tham gia.");
    }

    [Fact]
    public void The_draft_sends_the_ticked_parties_lines_with_their_audiences_forms_days_and_whole_dong()
    {
        var lines = new[] { Line("3.1.01", "2", "Hội nghị"), Line("3.1.02", "2", "Tờ rơi"), Line("4.1", "5", "Tin nhắn") };
        var input = new AgreementInput { Kind = AgreementKind.Contract, Title = "  Hợp đồng truyền thông ", StartsOn = "2026-01-01", EndsOn = "2026-12-31", ValueVnd = "15.000.000", ActivitiesPerYear = "12" }
            .Complete([Union, Front], lines);
        input.Parties[1].Selected = true;
        input.Lines[0].Selected = true;
        input.Lines[1].Selected = true;
        input.Forms.Single(f => f.Key == nameof(CommunicationForm.Conference)).Selected = true;

        var request = input.ToRequest(lines);

        request.ShouldBe(request with
        {
            Kind = AgreementKind.Contract, Title = "Hợp đồng truyền thông", StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31),
            ValueVnd = 15_000_000m, ActivitiesPerYear = 12,
        });
        request.PartnerIds.ShouldBe([Front.Id]);
        request.PlanLineCodes.ShouldBe(["3.1.01", "3.1.02"]);
        request.AudienceCodes.ShouldBe(["2"]);
        request.FormKinds.ShouldBe([CommunicationForm.Conference]);
        var unreadable = new AgreementInput { StartsOn = "03/12/2026", ValueVnd = "mười", ActivitiesPerYear = "-1" }.ToRequest([]);
        (unreadable.StartsOn, unreadable.ValueVnd, unreadable.ActivitiesPerYear, unreadable.Kind).ShouldBe((null, null, null, null), "unreadable values go as none, for the service to name");
    }

    [Theory]
    [InlineData(AgreementStatus.Drafted, new[] { "sign-agreement" })]
    [InlineData(AgreementStatus.Signed, new[] { "renew-agreement", "terminate-agreement" })]
    [InlineData(AgreementStatus.Terminated, new string[0])]
    public void An_agreement_offers_only_the_changes_its_status_allows(AgreementStatus status, string[] forms)
    {
        var agreement = Agreement("Chương trình phối hợp", status, Today.AddDays(90), parties: Union.Id);
        var page = RenderPage<AgreementDetails>(agreement, p => p.Add(c => c.Id, agreement.Id));

        page.FindAll("form[data-testid]").Select(f => f.GetAttribute("data-testid")).ShouldBe(forms);
        page.Find("h1").TextContent.ShouldBe("Chương trình phối hợp");
        page.Find("[data-testid=agreement-term]").TextContent.ShouldBe("01/01/2026–03/03/2027");
        page.Find("[data-testid=agreement-facts] a").GetAttribute("href").ShouldBe($"/partners/{Union.Id}");
    }

    [Fact]
    public void The_forms_render_while_the_services_have_not_answered_yet()
    {
        var pending = new Pending();
        _context.Services.AddSingleton(new PartnersClient(new HttpClient(pending) { BaseAddress = new Uri("http://partners") }));
        _context.Services.AddSingleton(new PlanningClient(new HttpClient(pending) { BaseAddress = new Uri("http://planning") }));
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7))));
        var http = Officer();

        string? Form<T>() where T : Microsoft.AspNetCore.Components.IComponent =>
            _context.Render<T>(p => p.AddCascadingValue(http)).Find("form[data-testid]").GetAttribute("data-testid");

        Form<DraftAgreement>().ShouldBe("draft-agreement");
        Form<BhxhPlatform.Portal.Components.Pages.Collaborators.EnlistCollaborator>().ShouldBe("enlist-collaborator");
        Form<BhxhPlatform.Portal.Components.Pages.Trainings.ScheduleTraining>().ShouldBe("schedule-training");
        Form<BhxhPlatform.Portal.Components.Pages.Commendations.AwardCommendation>().ShouldBe("award-commendation");
        Form<RegisterPartner>().ShouldBe("register-partner");
    }

    private static DefaultHttpContext Officer() => new()
    {
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalUser.NameClaim, "Cán bộ"), new Claim(PortalUser.UnitClaim, "bien-hoa"), new Claim(PortalUser.RoleClaim, PortalUser.DistrictOfficer)], "test")),
    };

    /// <summary>A service that has not answered yet (the page renders first with what it has).</summary>
    private sealed class Pending : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private IRenderedComponent<T> RenderPage<T>(AgreementView agreement, Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var json = new Dictionary<string, object>
        {
            [$"/api/units/bien-hoa/agreements/{agreement.Id}"] = agreement,
            ["/api/units/bien-hoa/partners"] = new[] { Union, Front },
        };
        _context.Services.AddSingleton(new PartnersClient(new HttpClient(new Answers(json)) { BaseAddress = new Uri("http://partners") }));
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7))));
        _context.Services.AddSingleton(new PlanningClient(new HttpClient(new Answers([])) { BaseAddress = new Uri("http://planning") }));
        _context.Services.AddSingleton(new ProvincePlanningClient(new HttpClient(new Answers([])) { BaseAddress = new Uri("http://planning") }));
        var http = Officer();
        return _context.Render<T>(p =>
        {
            p.AddCascadingValue(http);
            parameters(p);
        });
    }

    private static PlanLineView Line(string code, string audience, string subject) => new(
        code, audience, subject, "Hội nghị", CommunicationForm.Conference, null, new FrequencyView("Monthly", null, null, null, null),
        "Phòng Truyền thông", [], null, []);

    /// <summary>A service that answers each GET path with its JSON, and 404 otherwise.</summary>
    private sealed class Answers(Dictionary<string, object> bodies) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(bodies.TryGetValue(request.RequestUri!.AbsolutePath, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body, ServiceCalls.Json), Encoding.UTF8, "application/json"),
                }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
