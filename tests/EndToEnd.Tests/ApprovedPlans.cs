using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>
/// A district's plan approved through Planning's own API, so Outreach learns it the way it does in
/// production (DistrictPlanApproved through its queue) before activities are logged against it.
/// </summary>
internal static class ApprovedPlans
{
    public const string Province = "dong-nai";

    /// <summary>
    /// The province drafts a template from the catalogue and publishes it, <paramref name="district"/>
    /// adopts and submits it, the province approves it; returns the plan id once Outreach knows it
    /// (or at once when <paramref name="outreach"/> is null: Outreach is not running).
    /// </summary>
    public static async Task<Guid> GivenApprovedPlanAsync(HttpClient planning, HttpClient? outreach, string district, int year = 2026)
    {
        var template = await MessagesCrossServiceLinesTests.CreateAsync(planning, $"/api/units/{Province}/plan-templates/from-catalogue",
            new { year, title = $"Kế hoạch truyền thông năm {year}" });
        var templateVersion = await VersionAsync(planning, $"/api/units/{Province}/plan-templates/{template}");
        var published = await PostAsync(planning, $"/api/units/{Province}/plan-templates/{template}/publish", new { version = templateVersion }, HttpStatusCode.OK);
        var publishedVersion = published!.Value.GetProperty("publishedVersion").GetInt32();

        var plan = await MessagesCrossServiceLinesTests.CreateAsync(planning, $"/api/units/{district}/district-plans",
            new { templateId = template, templateVersion = publishedVersion });
        var planUrl = $"/api/units/{district}/district-plans/{plan}";
        await PostAsync(planning, $"{planUrl}/submit", new { version = await VersionAsync(planning, planUrl) }, HttpStatusCode.NoContent);
        await PostAsync(planning, $"{planUrl}/approve", new { version = await VersionAsync(planning, planUrl) }, HttpStatusCode.NoContent);

        if (outreach is not null)
        {
            await MessagesCrossServiceLinesTests.EventuallyAsync(outreach, $"/api/units/{district}/known-plans",
                json => json.EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == plan));
        }

        return plan;
    }

    private static async Task<long> VersionAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative))).GetProperty("version").GetInt64();

    private static async Task<JsonElement?> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return expected == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
