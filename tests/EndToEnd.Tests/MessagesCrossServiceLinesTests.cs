using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>The cross-service flows on PostgreSQL queues; <see cref="MessagesCrossServiceLinesOnRabbitMqTests"/> runs the same tests on RabbitMQ.</summary>
[Collection(PlatformCollection.Name)]
public class MessagesCrossServiceLinesTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_service_answers_health_and_publishes_its_openapi_document()
    {
        foreach (var service in ServiceNames.All)
        {
            using var client = platform.Client(service);
            (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            var openApi = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
            openApi.ShouldContain("/api/units/{unit}/");
        }
    }

    [Fact]
    public async Task A_partner_registered_and_an_activity_logged_reach_planning_in_their_district()
    {
        const string district = "vinh-cuu";
        using var partners = platform.Client(ServiceNames.Partners);
        using var outreach = platform.Client(ServiceNames.Outreach);
        using var planning = platform.Client(ServiceNames.Planning);

        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planning, outreach, district);
        var partnerId = await CreateAsync(partners, $"/api/units/{district}/partners",
            new { name = "Hội Phụ nữ huyện Vĩnh Cửu", type = "UnionOrAssociation" });
        await CreateAsync(outreach, $"/api/units/{district}/activities", Activity(plan, partnerId, "3.4.02", 25));

        var lines = await EventuallyAsync(planning, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 1);
        lines[0].GetProperty("planLineCode").GetString().ShouldBe("3.4.02");
        lines[0].GetProperty("peopleReached").GetInt32().ShouldBe(25);

        var scorecard = await EventuallyAsync(partners, $"/api/units/{district}/partners/{partnerId}/scorecard",
            json => json.GetProperty("activitiesCoRun").GetInt32() == 1);
        scorecard.GetProperty("peopleReached").GetInt32().ShouldBe(25);

        await EventuallyAsync(outreach, $"/api/units/{district}/known-partners", json => json.GetArrayLength() == 1);
    }

    [Fact]
    public async Task A_batch_of_activities_crosses_as_one_message_and_counts_each_activity_in_planning_and_partners()
    {
        const string district = "dinh-quan";
        using var partners = platform.Client(ServiceNames.Partners);
        using var outreach = platform.Client(ServiceNames.Outreach);
        using var planning = platform.Client(ServiceNames.Planning);
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planning, outreach, district);
        var partnerId = await CreateAsync(partners, $"/api/units/{district}/partners",
            new { name = "Đoàn Thanh niên huyện Định Quán", type = "UnionOrAssociation" });

        using var response = await outreach.PostAsJsonAsync(new Uri($"/api/units/{district}/activities/batch", UriKind.Relative), new
        {
            activities = new[] { Activity(plan, partnerId, "3.4.02", 25), Activity(plan, partnerId, "3.4.02", 15), Activity(plan, null, "2.01", 40) },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();

        var lines = await EventuallyAsync(planning, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 2);
        lines.EnumerateArray().Select(l => (l.GetProperty("planLineCode").GetString(), l.GetProperty("activities").GetInt32(), l.GetProperty("peopleReached").GetInt32()))
            .ShouldBe([("2.01", 1, 40), ("3.4.02", 2, 40)]);
        var facts = await EventuallyAsync(planning, $"/api/units/{district}/progress/received-facts", json => json.GetArrayLength() == 3);
        facts.EnumerateArray().Select(f => f.GetProperty("naturalId").GetString()).ShouldBe(ids, ignoreOrder: true);
        facts.EnumerateArray().Select(f => f.GetProperty("messageId").GetString()).Distinct().Count().ShouldBe(1);
        facts.EnumerateArray().ShouldAllBe(f => f.GetProperty("messageType").GetString() == "ActivitiesRecorded");

        var scorecard = await EventuallyAsync(partners, $"/api/units/{district}/partners/{partnerId}/scorecard",
            json => json.GetProperty("activitiesCoRun").GetInt32() == 2);
        scorecard.GetProperty("peopleReached").GetInt32().ShouldBe(40);
    }

    [Fact]
    public async Task An_officers_activity_on_a_line_of_the_approved_plan_is_accepted_and_one_on_a_line_it_lacks_is_refused()
    {
        const string district = "bien-hoa";
        using var planning = platform.Client(ServiceNames.Planning);
        using var officer = platform.Client(ServiceNames.Outreach, "officer.bien-hoa");
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planning, officer, district);

        var accepted = await CreateAsync(officer, $"/api/units/{district}/activities", Activity(plan, null, "3.1.02", 30));
        using var refused = await officer.PostAsJsonAsync(new Uri($"/api/units/{district}/activities", UriKind.Relative), Activity(plan, null, "3.1.99", 30));

        accepted.ShouldNotBe(Guid.Empty);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("fieldErrors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("field").GetString().ShouldBe("planLineCode");
        error.GetProperty("code").GetString().ShouldBe("not-in-plan");
        error.GetProperty("vi").GetString().ShouldBe("Kế hoạch đã duyệt của đơn vị không có dòng này.");
        var lines = await EventuallyAsync(planning, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 1);
        lines.EnumerateArray().Select(l => l.GetProperty("planLineCode").GetString()).ShouldBe(["3.1.02"]);
    }

    /// <summary>A conference logged against <paramref name="line"/> (a conference line of the catalogue) of the approved <paramref name="plan"/>.</summary>
    internal static object Activity(Guid plan, Guid? partnerId, string line, int reached) => new
    {
        districtPlanId = plan,
        planLineCode = line,
        audienceCode = line[..line.LastIndexOf('.')],
        form = "Conference",
        startedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(7)),
        endedAt = new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.FromHours(7)),
        peopleReached = reached,
        summary = "Hội nghị tuyên truyền chính sách BHXH tự nguyện",
        partnerIds = partnerId is { } id ? new[] { id } : [],
        conference = new { attendance = reached, videoClipShown = true, governmentRepresentativeInvited = true, beneficiaryTestified = true },
    };

    internal static async Task<Guid> CreateAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("value").GetGuid();
    }

    internal static async Task<JsonElement> EventuallyAsync(HttpClient client, string url, Func<JsonElement, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative));
            if (done(json))
            {
                return json;
            }

            if (clock.Elapsed > Patience)
            {
                throw new ShouldAssertException($"{url} did not reach the expected state in {Patience}: {json}");
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>The same cross-service flows with RabbitMQ as the transport (the representative subset of the end-to-end tests run on both).</summary>
[Collection(RabbitMqPlatformCollection.Name)]
public sealed class MessagesCrossServiceLinesOnRabbitMqTests(RabbitMqPlatformFixture platform) : MessagesCrossServiceLinesTests(platform);
