using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.EndToEnd.Tests.MessagesCrossServiceLinesTests;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>The auditor follows one command across the running services by its correlation id.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TimelineTests(PlatformFixture platform)
{
    // Planning and Partners keep what an activity message tells them as events of a stream per activity (Planning's
    // LoggedActivity, Partners' ActivityLedger), stamped with the envelope's correlation id, so the three timelines meet.
    [Fact]
    public async Task One_activity_logged_shows_its_events_in_outreach_planning_and_partners_under_one_correlation_id_in_time_order()
    {
        const string district = "xuan-loc";
        using var partners = platform.Client(ServiceNames.Partners);
        using var outreach = platform.Client(ServiceNames.Outreach);
        using var planning = platform.Client(ServiceNames.Planning);
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planning, outreach, district);
        var partnerId = await CreateAsync(partners, $"/api/units/{district}/partners", new { name = "Hội Nông dân huyện Xuân Lộc", type = "UnionOrAssociation" });
        var activity = await CreateAsync(outreach, $"/api/units/{district}/activities", Activity(plan, partnerId, "3.4.02", 12));

        using var auditorOutreach = platform.Client(ServiceNames.Outreach, "auditor.dong-nai");
        var own = JsonDocument.Parse(await auditorOutreach.GetStringAsync(new Uri($"/api/units/{district}/audit/timeline?limit=1000", UriKind.Relative))).RootElement;
        var logged = own.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("streamId").GetGuid() == activity);
        var correlation = logged.GetProperty("correlationId").GetString()!;
        correlation.ShouldNotBeNullOrWhiteSpace();

        var timeline = new List<(string Service, DateTimeOffset At, string Type)>();
        foreach (var service in new[] { ServiceNames.Outreach, ServiceNames.Planning, ServiceNames.Partners })
        {
            using var auditor = platform.Client(service, "auditor.dong-nai");
            var page = await EventuallyAsync(auditor, $"/api/units/{district}/audit/timeline?correlationId={Uri.EscapeDataString(correlation)}",
                json => json.GetProperty("entries").GetArrayLength() > 0);
            timeline.AddRange(page.GetProperty("entries").EnumerateArray()
                .Select(e => (service, e.GetProperty("timestamp").GetDateTimeOffset(), e.GetProperty("type").GetString()!)));
        }

        var merged = timeline.OrderBy(e => e.At).ToList();
        merged[0].Service.ShouldBe(ServiceNames.Outreach);
        merged.Select(e => e.Service).Distinct().Count().ShouldBe(3);
    }
}
