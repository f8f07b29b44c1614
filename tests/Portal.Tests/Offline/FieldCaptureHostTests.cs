using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Alba;
using Alba.Security;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Offline;

/// <summary>The portal hosted in memory, signed in as an officer of Thống Nhất, with an Outreach that answers as the test says.</summary>
public sealed class FieldCaptureHost : IAsyncLifetime
{
    public FakeOutreach Outreach { get; } = new();

    public IAlbaHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await AlbaHost.For<Program>(
        web =>
        {
            web.UseSetting("Identity:Authority", "http://identity.test");
            web.UseSetting("Identity:ClientSecret", "a-test-secret-of-at-least-32-characters!");
            web.ConfigureServices(services =>
            {
                services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                    options.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration { Issuer = "http://identity.test/" });
                services.AddHttpClient<OutreachClient>().ConfigurePrimaryHttpMessageHandler(() => Outreach);
            });
        },
        new AuthenticationStub()
            .With(PortalUser.UnitClaim, "thong-nhat")
            .With(PortalUser.RoleClaim, PortalUser.DistrictOfficer)
            .With(ClaimTypes.Role, PortalUser.DistrictOfficer));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Outreach's batch endpoint: the answers given in turn, the requests kept (path and body).</summary>
    public sealed class FakeOutreach : HttpMessageHandler
    {
        public Queue<Func<JsonElement, HttpResponseMessage>> Answers { get; } = new();

        public List<(string Path, JsonElement Body)> Asked { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
            lock (Asked)
            {
                Asked.Add((request.RequestUri!.AbsolutePath, body));
            }

            return Answers.Dequeue()(body);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FieldCaptureCollection : ICollectionFixture<FieldCaptureHost>
{
    public const string Name = "The field page's endpoints";
}

[Collection(FieldCaptureCollection.Name)]
public sealed class FieldCaptureHostTests(FieldCaptureHost portal)
{
    private const string Origin = "http://localhost";

    private static object Entry(Guid commandId, string summary) => new
    {
        commandId,
        activity = new
        {
            districtPlanId = Guid.Parse("0193a3c5-6f1e-7d2a-9a7e-1c2b3d4e5f60"), planLineCode = "2.04", audienceCode = "2.1", form = "Report",
            startedAt = "2026-12-01T08:00:00+07:00", endedAt = "2026-12-01T09:00:00+07:00", peopleReached = 30, summary,
            teamMembers = Array.Empty<string>(), partnerIds = Array.Empty<Guid>(), materials = Array.Empty<object>(),
        },
    };

    private static HttpResponseMessage Json(HttpStatusCode status, string json, string type = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, type) };

    [Fact]
    public async Task The_manifest_the_service_worker_and_the_scripts_are_served()
    {
        var manifest = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/field/manifest.webmanifest");
            s.StatusCodeShouldBeOk();
        });
        var app = JsonDocument.Parse(await manifest.ReadAsTextAsync()).RootElement;
        app.GetProperty("start_url").GetString().ShouldBe("/field/activities");
        app.GetProperty("scope").GetString().ShouldBe("/field/");
        app.GetProperty("display").GetString().ShouldBe("standalone");
        app.GetProperty("icons").GetArrayLength().ShouldBeGreaterThan(0);

        // Installable on phones that want PNG icons: one of 192 and one of 512 pixels, each served as a PNG of that size.
        var pngs = app.GetProperty("icons").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "image/png").ToList();
        pngs.Select(i => i.GetProperty("sizes").GetString()).ShouldBe(["192x192", "512x512"], ignoreOrder: true);
        foreach (var icon in pngs)
        {
            var served = await portal.Host.Scenario(s =>
            {
                s.Get.Url(icon.GetProperty("src").GetString()!);
                s.StatusCodeShouldBeOk();
            });
            served.Context.Response.ContentType.ShouldBe("image/png");
            var bytes = await ((ScenarioResult)served).ReadAsync(async body =>
            {
                using var copy = new MemoryStream();
                await body.CopyToAsync(copy);
                return copy.ToArray();
            });
            bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a });
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
            $"{width}x{width}".ShouldBe(icon.GetProperty("sizes").GetString());
        }

        foreach (var script in new[] { "/field-sw.js", "/field/field.js", "/field/signed-out.js" })
        {
            var served = await portal.Host.Scenario(s =>
            {
                s.Get.Url(script);
                s.StatusCodeShouldBeOk();
            });
            served.Context.Response.ContentType.ShouldNotBeNull().ShouldContain("javascript", Case.Insensitive, script);
        }

        var worker = await portal.Host.Scenario(s => s.Get.Url("/field-sw.js"));
        (await worker.ReadAsTextAsync()).ShouldContain("addEventListener('fetch'");
    }

    [Fact]
    public async Task The_field_page_links_the_manifest_and_names_its_endpoints()
    {
        var page = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/field/activities");
            s.StatusCodeShouldBeOk();
        });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("<link rel=\"manifest\" href=\"field/manifest.webmanifest\"");
        html.ShouldContain("data-sync=\"/field/api/activities/sync\"");
        html.ShouldContain("data-reference=\"/field/api/reference\"");
        html.ShouldContain("Ghi hoạt động khi không có mạng");
        html.ShouldNotContain("access_token");
    }

    [Fact]
    public async Task A_refused_entry_is_marked_with_Outreachs_reasons_and_the_others_are_sent_again_with_their_command_ids()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var stored = new[] { Guid.NewGuid(), Guid.NewGuid() };
        portal.Outreach.Asked.Clear();
        portal.Outreach.Answers.Enqueue(_ => Json(HttpStatusCode.BadRequest, """
            {"status":400,"title":"Dữ liệu không hợp lệ","code":"validation","fieldErrors":[
              {"field":"activities[1].startedAt","code":"in-future","vi":"Thời gian bắt đầu không được ở tương lai.","en":"The start cannot be in the future."}]}
            """, "application/problem+json"));
        portal.Outreach.Answers.Enqueue(_ => Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { ids = stored })));

        var result = await portal.Host.Scenario(s =>
        {
            s.Post.Json(new { entries = ids.Select((id, i) => Entry(id, $"Mục {i}")) }).ToUrl("/field/api/activities/sync");
            s.WithRequestHeader("Origin", Origin);
            s.StatusCodeShouldBeOk();
        });

        portal.Outreach.Asked.Select(a => a.Path).ShouldBe(["/api/units/thong-nhat/activities/batch", "/api/units/thong-nhat/activities/batch"]);
        CommandIds(portal.Outreach.Asked[0].Body).ShouldBe(ids);
        CommandIds(portal.Outreach.Asked[1].Body).ShouldBe([ids[0], ids[2]]);
        var entries = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("commandId").GetGuid()).ShouldBe(ids);
        entries.Select(e => e.GetProperty("state").GetString()).ShouldBe(["sent", "refused", "sent"]);
        entries[0].GetProperty("activityId").GetGuid().ShouldBe(stored[0]);
        entries[2].GetProperty("activityId").GetGuid().ShouldBe(stored[1]);
        var reason = entries[1].GetProperty("problems").EnumerateArray().Single();
        reason.GetProperty("field").GetString().ShouldBe("startedAt");
        reason.GetProperty("message").GetString().ShouldBe("Thời gian bắt đầu không được ở tương lai.");
    }

    [Fact]
    public async Task A_refusal_that_names_no_entry_keeps_them_all_waiting()
    {
        portal.Outreach.Answers.Enqueue(_ => Json(HttpStatusCode.BadRequest, """{"status":400,"fieldErrors":[{"field":"activities","code":"too-many","vi":"Tối đa 200 hoạt động mỗi lần gửi.","en":"At most 200."}]}"""));

        await portal.Host.Scenario(s =>
        {
            s.Post.Json(new { entries = new[] { Entry(Guid.NewGuid(), "Một mục") } }).ToUrl("/field/api/activities/sync");
            s.WithRequestHeader("Origin", Origin);
            s.StatusCodeShouldBe(HttpStatusCode.BadGateway);
        });
    }

    [Theory]
    [InlineData("http://elsewhere.test")]
    [InlineData(null)]
    public async Task A_sync_from_another_origin_or_without_one_is_refused_before_Outreach_is_called(string? origin)
    {
        portal.Outreach.Asked.Clear();

        await portal.Host.Scenario(s =>
        {
            s.Post.Json(new { entries = new[] { Entry(Guid.NewGuid(), "Một mục") } }).ToUrl("/field/api/activities/sync");
            if (origin is not null)
            {
                s.WithRequestHeader("Origin", origin);
            }

            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });

        portal.Outreach.Asked.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_command_id_twice_in_one_sync_is_refused()
    {
        var id = Guid.NewGuid();
        await portal.Host.Scenario(s =>
        {
            s.Post.Json(new { entries = new[] { Entry(id, "Một"), Entry(id, "Hai") } }).ToUrl("/field/api/activities/sync");
            s.WithRequestHeader("Origin", Origin);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task The_signed_out_page_tells_the_browser_to_clear_the_sites_cache_and_storage()
    {
        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/signed-out");
            s.StatusCodeShouldBeOk();
        });

        result.Context.Response.Headers["Clear-Site-Data"].ToString().ShouldBe("\"cache\", \"storage\"");
        (await result.ReadAsTextAsync()).ShouldContain("field/signed-out.js");
    }

    private static Guid[] CommandIds(JsonElement batch) =>
        [.. batch.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("commandId").GetGuid())];
}
