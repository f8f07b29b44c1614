using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Portal.Components.Pages.Audit;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Audit.Checkpoints;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Audit;

/// <summary>The auditor's pages: the timeline merged from the three services, the verification, the personal-data read log.</summary>
public sealed class AuditPagesTests : IDisposable
{
    private const string Unit = "bien-hoa";
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly JsonElement NoData = JsonDocument.Parse("{}").RootElement;

    private readonly BunitContext _context = new();
    private readonly Culture _culture = Culture.Vietnamese();
    private readonly Services _services = new();

    public AuditPagesTests()
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(T0));
        _context.Services.AddSingleton(new AuditClient(_services));
    }

    public void Dispose()
    {
        _context.Dispose();
        _culture.Dispose();
    }

    private static TimelineEntry Entry(string service, long sequence, int seconds, string type, string correlation = "corr-1", string? reason = null) =>
        new(service, sequence, T0.AddSeconds(seconds), Unit, "officer.bien-hoa", type, Guid.CreateVersion7(), 1, reason, correlation, "cmd-1", NoData);

    private IRenderedComponent<T> Render<T>(params (string Name, object? Value)[] query)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(PortalUser.NameClaim, "Kiểm toán viên"), new Claim(PortalUser.UnitClaim, "dong-nai"), new Claim(PortalUser.RoleClaim, PortalUser.Auditor)], "test")),
        };
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(query.ToDictionary(q => q.Name, q => q.Value)));
        return _context.Render<T>(p => p.AddCascadingValue(http));
    }

    [Fact]
    public void The_timeline_merges_the_three_services_in_time_order_with_who_when_why_and_links_to_streams_and_correlations()
    {
        _services.Answer("planning", "/api/units/bien-hoa/audit/timeline", new TimelinePage("planning", [Entry("planning", 10, 2, "district_plan_approved")], null));
        _services.Answer("outreach", "/api/units/bien-hoa/audit/timeline", new TimelinePage("outreach",
            [Entry("outreach", 3, 1, "activity_logged"), Entry("outreach", 4, 4, "activity_voided", reason: "Ghi nhầm ngày")], null));
        _services.Answer("partners", "/api/units/bien-hoa/audit/timeline", new TimelinePage("partners", [Entry("partners", 7, 3, "training_held")], null));

        var page = Render<AuditTimeline>(("unit", Unit), ("from", "2026-12-01"), ("to", "2026-12-03"));

        var rows = page.FindAll("tbody tr");
        rows.Select(r => $"{r.GetAttribute("data-service")}:{r.GetAttribute("data-sequence")}").ShouldBe(["outreach:3", "planning:10", "partners:7", "outreach:4"]);
        rows[0].TextContent.ShouldContain("03/12/2026 15:00");
        rows[0].TextContent.ShouldContain("Hoạt động truyền thông");
        rows[0].TextContent.ShouldContain("officer.bien-hoa");
        rows[3].TextContent.ShouldContain("Ghi nhầm ngày");
        var correlation = rows[1].QuerySelector("a[data-correlation]")!;
        correlation.GetAttribute("href").ShouldBe("/audit?unit=bien-hoa&from=2026-12-01&to=2026-12-03&correlation=corr-1");
        correlation.GetAttribute("aria-label").ShouldBe("Lọc theo mã tương quan corr-1");
        rows[1].QuerySelector("a[href^='/audit/streams/planning/bien-hoa/']").ShouldNotBeNull();
        page.FindAll("label").Select(l => l.GetAttribute("for")).ShouldBe(["unit", "from", "to", "user", "correlation"]);

        // Every service was asked for the same days, in Vietnam time (from the start of the 1st to the start of the 4th).
        _services.Queries.Count.ShouldBe(3);
        _services.Queries.ShouldAllBe(q => q.Contains("from=2026-12-01T00%3A00%3A00.0000000%2B07%3A00") && q.Contains("to=2026-12-04T00%3A00%3A00.0000000%2B07%3A00"));
        page.FindAll("[data-testid=next-page]").ShouldBeEmpty();
    }

    [Fact]
    public void A_correlation_id_filters_every_service_and_the_next_page_starts_after_what_each_service_showed()
    {
        _services.Answer("planning", "/api/units/bien-hoa/audit/timeline", new TimelinePage("planning", [Entry("planning", 10, 2, "a"), Entry("planning", 11, 5, "b")], 11));
        _services.Answer("outreach", "/api/units/bien-hoa/audit/timeline", new TimelinePage("outreach", [Entry("outreach", 3, 1, "c")], null));
        _services.Answer("partners", "/api/units/bien-hoa/audit/timeline", new TimelinePage("partners", [], null));

        var page = Render<AuditTimeline>(("unit", Unit), ("correlation", "corr-1"));

        _services.Queries.ShouldAllBe(q => q.Contains("correlationId=corr-1"));
        page.Find("a[href^='/audit?'][href$='unit=bien-hoa&from=2026-11-27&to=2026-12-03']").TextContent.ShouldBe("Bỏ lọc mã tương quan");
        var next = page.Find("[data-testid=next-page]").GetAttribute("href")!;
        next.ShouldContain("correlation=corr-1");
        TimelineCursor.Parse(Uri.UnescapeDataString(next[(next.IndexOf("after=", StringComparison.Ordinal) + 6)..])).After
            .ShouldBe(new Dictionary<string, long> { ["planning"] = 11, ["outreach"] = 3, ["partners"] = 0 });
    }

    [Fact]
    public void The_verification_shows_each_services_verdict_the_checkpoint_findings_and_export_links()
    {
        var intact = new ChainReport(Unit, 4, 12, true, []) { CheckpointsChecked = 2, AgainstCheckpoint = 2 };
        _services.Answer("planning", "/api/units/bien-hoa/audit/verify", intact);
        _services.Answer("partners", "/api/units/bien-hoa/audit/verify", intact);
        var stream = Guid.CreateVersion7();
        _services.Answer("outreach", "/api/units/bien-hoa/audit/verify", new ChainReport(Unit, 5, 20, false, [new BrokenLink(stream, 3, 17, "hash-mismatch", "changed")])
        {
            CheckpointsChecked = 1,
            CheckpointFindings = [new AuditFinding("head-mismatch", stream, 3, 1, "rewritten")],
        });

        var page = Render<Verification>(("unit", Unit));

        page.Find("section[data-service=planning] [data-testid=verdict]").TextContent.ShouldBe("Nguyên vẹn");
        var outreach = page.Find("section[data-service=outreach]");
        outreach.QuerySelector("[data-testid=verdict]")!.TextContent.ShouldBe("Phát hiện thay đổi");
        outreach.QuerySelectorAll("tr[data-problem]").Select(r => r.GetAttribute("data-problem")).ShouldBe(["hash-mismatch", "head-mismatch"]);
        page.FindAll("a[href^='/audit/export/']").Select(a => a.GetAttribute("href")).ShouldContain("/audit/export/outreach/bien-hoa?format=csv");
        page.Find("label[for=unit]").TextContent.ShouldBe("Đơn vị");
    }

    [Fact]
    public void The_read_log_shows_who_when_whose_and_the_purpose_in_words()
    {
        var prospect = Guid.CreateVersion7();
        _services.Answer("outreach", "/api/units/bien-hoa/personal-data-reads", new PersonalDataReadsView(
            [new PersonalDataReadView(9, T0, "officer.bien-hoa", "district-officer", [prospect], "prospect-case-work", "corr-9")], null));

        var page = Render<PersonalDataReads>(("unit", Unit));

        var row = page.Find("tbody tr");
        row.TextContent.ShouldContain("03/12/2026 15:00");
        row.TextContent.ShouldContain("officer.bien-hoa");
        row.TextContent.ShouldContain(prospect.ToString());
        row.TextContent.ShouldContain("Xử lý hồ sơ một người tiềm năng");
        page.FindAll("label").Select(l => l.GetAttribute("for")).ShouldBe(["unit", "from", "to"]);
    }

    [Fact]
    public void In_english_the_timeline_speaks_english()
    {
        using var english = Culture.English();
        _services.Answer("planning", "/api/units/bien-hoa/audit/timeline", new TimelinePage("planning", [], null));
        _services.Answer("outreach", "/api/units/bien-hoa/audit/timeline", new TimelinePage("outreach", [], null));
        _services.Answer("partners", "/api/units/bien-hoa/audit/timeline", new TimelinePage("partners", [], null));

        var page = Render<AuditTimeline>(("unit", Unit));

        page.Find("h1").TextContent.ShouldBe("Audit timeline");
        page.Find("[data-testid=no-events]").TextContent.ShouldBe("No event matches the filters.");
    }

    /// <summary>The three services' audit APIs: each answers a GET path with its JSON and records the query strings.</summary>
    private sealed class Services : IHttpClientFactory
    {
        private readonly Dictionary<(string, string), object> _bodies = [];

        public List<string> Queries { get; } = [];

        public void Answer(string service, string path, object body) => _bodies[(service, path)] = body;

        public HttpClient CreateClient(string name)
        {
            var service = name["audit-".Length..];
            return new HttpClient(new Handler(this, service)) { BaseAddress = new Uri($"http://{service}") };
        }

        private sealed class Handler(Services owner, string service) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                lock (owner.Queries)
                {
                    owner.Queries.Add(request.RequestUri!.Query);
                }

                return Task.FromResult(owner._bodies.TryGetValue((service, request.RequestUri!.AbsolutePath), out var body)
                    ? new HttpResponseMessage(HttpStatusCode.OK)
                    {
                        Content = new StringContent(JsonSerializer.Serialize(body, ServiceCalls.Json), Encoding.UTF8, "application/json"),
                    }
                    : new HttpResponseMessage(HttpStatusCode.NotFound));
            }
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
