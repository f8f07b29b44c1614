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

    private IRenderedComponent<StreamHistory> OpenStream(string service, Guid stream, params (string Name, object? Value)[] query)
    {
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(query.ToDictionary(q => q.Name, q => q.Value)));
        return _context.Render<StreamHistory>(p => p.Add(c => c.Service, service).Add(c => c.Unit, Unit).Add(c => c.Id, stream));
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
        correlation.QuerySelector(".visually-hidden")!.TextContent.ShouldBe(" — Lọc theo mã tương quan corr-1");
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
    public void The_read_log_shows_partners_people_read_in_their_own_section_each_log_paged_on_its_own()
    {
        var prospect = Guid.CreateVersion7();
        var collaborator = Guid.CreateVersion7();
        _services.Answer("outreach", "/api/units/bien-hoa/personal-data-reads", new PersonalDataReadsView(
            [new PersonalDataReadView(9, T0, "officer.bien-hoa", "district-officer", [prospect], "prospect-follow-up-work", "corr-9")], 9));
        _services.Answer("partners", "/api/units/bien-hoa/personal-data-reads", new PersonalDataReadsView(
            [new PersonalDataReadView(4, T0, "officer.bien-hoa", "district-officer", null, "collaborator-work", "corr-4", [collaborator])], null));

        var page = Render<PersonalDataReads>(("unit", Unit));

        var prospects = page.Find("section[data-service=outreach]");
        prospects.QuerySelector("tbody tr")!.TextContent.ShouldContain("Liên hệ lại người tiềm năng đến hẹn");
        prospects.QuerySelector("a.button")!.GetAttribute("href").ShouldNotBeNull().ShouldContain("after=9");
        var partners = page.Find("section[data-service=partners]");
        var row = partners.QuerySelector("tbody tr")!;
        row.TextContent.ShouldContain(collaborator.ToString());
        row.TextContent.ShouldContain("Phân công, liên hệ cộng tác viên và nhân viên thu");
        row.TextContent.ShouldNotContain(prospect.ToString());
        partners.QuerySelector("a.button").ShouldBeNull("the Partners log has one page");
    }

    [Fact]
    public void A_streams_page_shows_its_state_now_and_as_of_the_asked_minute_side_by_side_with_personal_values_masked()
    {
        var stream = Guid.CreateVersion7();
        var path = $"/api/units/bien-hoa/audit/streams/{stream}";
        _services.Answer("outreach", $"{path}/events", new[]
        {
            new AuditEvent(30, Guid.CreateVersion7(), stream, 1, "prospect_recorded", "Prospects.ProspectRecorded",
                JsonDocument.Parse("""{"name":"Trần Thị Bình","phone":"enc:k1:xyz"}""").RootElement, T0, Unit, "officer.bien-hoa", "corr-1", "cmd-1", "h1", null, false),
        });
        _services.Answer("outreach", $"{path}/verify", new ChainReport(Unit, 1, 3, true, []));
        _services.Answer("outreach", $"{path}/state", new StreamState(stream, "Prospect", null, 3,
            JsonDocument.Parse("""{"stage":"HandedOff","phone":"enc:k1:abc","name":"Nguyễn Văn An"}""").RootElement));
        _services.AnswerWhen("outreach", $"{path}/state", "asOf=2026-12-02T14%3A30%3A59.9999999%2B07%3A00", new StreamState(stream, "Prospect", T0, 1,
            JsonDocument.Parse("""{"stage":"Recorded","phone":"enc:k1:abc"}""").RootElement));

        var page = OpenStream("outreach", stream, ("asOfDate", "2026-12-02"), ("asOfTime", "14:30"));

        var now = page.Find("[data-testid=state-now]");
        now.QuerySelector("h3")!.TextContent.ShouldBe("Hiện nay (phiên bản 3)");
        now.TextContent.ShouldContain("\"stage\": \"HandedOff\"");
        now.TextContent.ShouldContain("Nguyễn Văn An");
        var then = page.Find("[data-testid=state-as-of]");
        then.QuerySelector("h3")!.TextContent.ShouldBe("Lúc 02/12/2026 14:30 (phiên bản 1)");
        then.TextContent.ShouldContain("\"stage\": \"Recorded\"");
        page.Markup.ShouldNotContain("enc:k1");
        page.Markup.ShouldContain(Timeline.Hidden);
        page.Find("#asOfDate").GetAttribute("value").ShouldBe("2026-12-02");
        page.Find("#asOfTime").GetAttribute("value").ShouldBe("14:30");
        page.Find("tbody tr[data-version='1'] pre.data").TextContent.ShouldBe($$"""{"name":"Trần Thị Bình","phone":"{{Timeline.Hidden}}"}""");
    }

    [Fact]
    public void A_stream_asked_as_of_a_day_before_its_first_event_had_no_state_and_a_bad_day_is_said_so()
    {
        var stream = Guid.CreateVersion7();
        var path = $"/api/units/bien-hoa/audit/streams/{stream}";
        _services.Answer("planning", $"{path}/events", Array.Empty<AuditEvent>());
        _services.Answer("planning", $"{path}/state", new StreamState(stream, "DistrictPlan", null, 2, JsonDocument.Parse("""{"year":2026}""").RootElement));
        _services.AnswerWhen("planning", $"{path}/state", "asOf=2026-11-01T23%3A59%3A59.9999999%2B07%3A00", new StreamState(stream, "DistrictPlan", T0, 0, null));

        var page = OpenStream("planning", stream, ("asOfDate", "2026-11-01"));
        page.Find("[data-testid=state-as-of]").TextContent.ShouldContain("Luồng chưa có sự kiện nào vào thời điểm này.");
        page.Find("[data-testid=state-as-of] h3").TextContent.ShouldBe("Lúc 01/11/2026 23:59 (phiên bản 0)");

        var bad = OpenStream("planning", stream, ("asOfDate", "2026-13-01"));
        bad.Find(".notice").TextContent.ShouldBe("Ngày không hợp lệ; đã dùng mặc định.");
        bad.FindAll("[data-testid=state-as-of]").ShouldBeEmpty();
        bad.Find("[data-testid=state-now] h3").TextContent.ShouldBe("Hiện nay (phiên bản 2)");
    }

    [Fact]
    public void The_rebuild_check_shows_each_services_verdict_the_streams_checked_per_read_model_and_what_differs_stored_beside_rebuilt_with_a_link_to_the_stream()
    {
        var stream = Guid.CreateVersion7();
        _services.Answer("planning", "/api/units/bien-hoa/audit/rebuild-check", new RebuildReport(Unit, 1200, true, []));
        _services.Answer("partners", "/api/units/bien-hoa/audit/rebuild-check", new RebuildReport(Unit, 4, true, []));
        _services.Answer("outreach", "/api/units/bien-hoa/audit/rebuild-check", new RebuildReport(Unit, 9, false,
        [
            new RebuildDifference(stream, "CountedActivity", JsonDocument.Parse("""{"peopleReached":999}""").RootElement, JsonDocument.Parse("""{"peopleReached":120}""").RootElement),
        ],
        [
            new RebuildCheckSummary("Activity", RebuildCheckSummary.Aggregate, 7, 7, 0),
            new RebuildCheckSummary("KnownPartner", RebuildCheckSummary.Aggregate, 2, 2, 0),
            new RebuildCheckSummary("CountedActivity", RebuildCheckSummary.ReadModelKind, 6, 6, 1, StreamsLeftOut: 1),
        ]));

        var page = Render<RebuildCheck>(("unit", Unit));

        page.Find("section[data-service=planning] [data-testid=verdict]").TextContent.ShouldBe("Khớp với các sự kiện");
        page.Find("section[data-service=planning] [data-testid=streams-checked]").TextContent.ShouldBe("1.200");

        // A service that sends no breakdown (one that predates it) shows its figures without the table.
        page.FindAll("section[data-service=planning] [data-testid=checks]").ShouldBeEmpty();
        var outreach = page.Find("section[data-service=outreach]");
        outreach.QuerySelector("[data-testid=verdict]")!.TextContent.ShouldBe("Có chênh lệch");
        outreach.QuerySelector("[data-testid=streams-checked]")!.TextContent.ShouldBe("9");
        outreach.QuerySelectorAll("[data-testid=checks] tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim())))
            .ShouldBe([
                "Activity|Trạng thái của từng luồng|7|7|0|0",
                "KnownPartner|Trạng thái của từng luồng|2|2|0|0",
                "CountedActivity|Tổng hợp từ các luồng|6|6|1|1",
            ]);
        var row = outreach.QuerySelector($"tr[data-stream='{stream}']")!;
        row.TextContent.ShouldContain("CountedActivity");
        row.QuerySelectorAll("pre.data").Select(p => p.TextContent.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal))
            .ShouldBe(["""{"peopleReached":999}""", """{"peopleReached":120}"""]);
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/audit/streams/outreach/bien-hoa/{stream}");
        _services.Queries.Count.ShouldBe(3);
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

        private readonly List<(string Service, string Path, string Query, object Body)> _byQuery = [];

        public void Answer(string service, string path, object body) => _bodies[(service, path)] = body;

        /// <summary>An answer to the path only when its query string contains <paramref name="query"/> (it wins over <see cref="Answer"/>).</summary>
        public void AnswerWhen(string service, string path, string query, object body) => _byQuery.Add((service, path, query, body));

        private object? Body(string service, Uri uri) =>
            _byQuery.FirstOrDefault(a => a.Service == service && a.Path == uri.AbsolutePath && uri.Query.Contains(a.Query, StringComparison.Ordinal)).Body
            ?? _bodies.GetValueOrDefault((service, uri.AbsolutePath));

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

                return Task.FromResult(owner.Body(service, request.RequestUri!) is { } body
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
