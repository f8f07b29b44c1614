using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using static BhxhPlatform.TestSupport.ServiceApi;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// A district's plan approved through Planning's own API, for tests that run the services as
/// processes: Outreach learns it the way it does in production (DistrictPlanApproved through its
/// queue) before activities are logged against it. The clients call as the provincial administrator.
/// </summary>
public static class ApprovedPlans
{
    public const string Province = "dong-nai";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The province drafts a template from the catalogue and publishes it, <paramref name="district"/>
    /// adopts and submits it, the province approves it; returns the plan id once Outreach knows it
    /// (at once when <paramref name="outreach"/> is null).
    /// </summary>
    public static async Task<Guid> GivenApprovedPlanAsync(HttpClient planning, HttpClient? outreach, string district, int year = 2026)
    {
        ArgumentNullException.ThrowIfNull(planning);
        var template = await CreateAsync(planning, $"/api/units/{Province}/plan-templates/from-catalogue",
            new { year, title = $"Kế hoạch truyền thông năm {year}" });
        var templateUrl = $"/api/units/{Province}/plan-templates/{template}";
        var published = await PostAsync(planning, $"{templateUrl}/publish", new { version = await VersionAsync(planning, templateUrl) }, HttpStatusCode.OK);
        var publishedVersion = published!.Value.GetProperty("publishedVersion").GetInt32();

        var plan = await CreateAsync(planning, $"/api/units/{district}/district-plans", new { templateId = template, templateVersion = publishedVersion });
        var planUrl = $"/api/units/{district}/district-plans/{plan}";
        await PostAsync(planning, $"{planUrl}/submit", new { version = await VersionAsync(planning, planUrl) }, HttpStatusCode.NoContent);
        await PostAsync(planning, $"{planUrl}/approve", new { version = await VersionAsync(planning, planUrl) }, HttpStatusCode.NoContent);

        if (outreach is not null)
        {
            var clock = Stopwatch.StartNew();
            while (!(await outreach.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{district}/known-plans", UriKind.Relative)))
                       .EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == plan))
            {
                clock.Elapsed.ShouldBeLessThan(Patience, $"Outreach did not learn the approved plan {plan} of {district}");
                await Task.Delay(200);
            }
        }

        return plan;
    }

    private static async Task<long> VersionAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative))).GetProperty("version").GetInt64();
}
