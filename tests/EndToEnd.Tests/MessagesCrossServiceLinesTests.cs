using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class MessagesCrossServiceLinesTests(PlatformFixture platform)
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

        var partnerId = await CreateAsync(partners, $"/api/units/{district}/partners",
            new { name = "Hội Phụ nữ huyện Vĩnh Cửu", type = "UnionOrAssociation" });
        await CreateAsync(outreach, $"/api/units/{district}/activities", Activity(partnerId, "3.4.01", 25));

        var lines = await EventuallyAsync(planning, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 1);
        lines[0].GetProperty("planLineCode").GetString().ShouldBe("3.4.01");
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
        var partnerId = await CreateAsync(partners, $"/api/units/{district}/partners",
            new { name = "Đoàn Thanh niên huyện Định Quán", type = "UnionOrAssociation" });

        using var response = await outreach.PostAsJsonAsync(new Uri($"/api/units/{district}/activities/batch", UriKind.Relative), new
        {
            activities = new[] { Activity(partnerId, "3.4.01", 25), Activity(partnerId, "3.4.01", 15), Activity(null, "2.01", 40) },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToList();

        var lines = await EventuallyAsync(planning, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 2);
        lines.EnumerateArray().Select(l => (l.GetProperty("planLineCode").GetString(), l.GetProperty("activities").GetInt32(), l.GetProperty("peopleReached").GetInt32()))
            .ShouldBe([("2.01", 1, 40), ("3.4.01", 2, 40)]);
        var facts = await EventuallyAsync(planning, $"/api/units/{district}/progress/received-facts", json => json.GetArrayLength() == 3);
        facts.EnumerateArray().Select(f => f.GetProperty("naturalId").GetString()).ShouldBe(ids, ignoreOrder: true);
        facts.EnumerateArray().Select(f => f.GetProperty("messageId").GetString()).Distinct().Count().ShouldBe(1);
        facts.EnumerateArray().ShouldAllBe(f => f.GetProperty("messageType").GetString() == "ActivitiesRecorded");

        var scorecard = await EventuallyAsync(partners, $"/api/units/{district}/partners/{partnerId}/scorecard",
            json => json.GetProperty("activitiesCoRun").GetInt32() == 2);
        scorecard.GetProperty("peopleReached").GetInt32().ShouldBe(40);
    }

    internal static object Activity(Guid? partnerId, string line, int reached) => new
    {
        districtPlanId = Guid.CreateVersion7(),
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
