using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// What a journey needs but does not test, set up through the services' own APIs as the people who would do it
/// (tokens of the real identity service): a published template, a rollout, a submitted or approved plan, an account.
/// Each step is idempotent where the journeys share the stack: it takes things as it finds them.
/// </summary>
public sealed class Given(StackFixture stack)
{
    public const string Province = "dong-nai";
    public const string ProvinceAdmin = "admin.dong-nai";

    /// <summary>This year in Vietnam (the plans' year).</summary>
    public static int ThisYear => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).Year;

    /// <summary>A template drafted from the catalogue and published; its id and published version.</summary>
    public async Task<(Guid Id, int Version)> PublishedTemplateAsync(int year, string title)
    {
        using var planning = await stack.ApiAsync(ServiceNames.Planning, ProvinceAdmin);
        var created = await SendAsync(planning, $"/api/units/{Province}/plan-templates/from-catalogue", new { year, title });
        var id = created.GetProperty("value").GetGuid();
        var template = await GetAsync(planning, $"/api/units/{Province}/plan-templates/{id}");
        var published = await SendAsync(planning, $"/api/units/{Province}/plan-templates/{id}/publish", new { version = template.GetProperty("version").GetInt64() });
        return (id, published.GetProperty("publishedVersion").GetInt32());
    }

    /// <summary>Rolls a published version out to the districts and waits until each has its plan of the year.</summary>
    public async Task RollOutAsync((Guid Id, int Version) template, int year, params string[] districts)
    {
        using (var planning = await stack.ApiAsync(ServiceNames.Planning, ProvinceAdmin))
        {
            await SendAsync(planning, $"/api/units/{Province}/rollouts", new { templateId = template.Id, templateVersion = template.Version, districts });
        }

        foreach (var district in districts)
        {
            await Eventually.TrueAsync(async () => await PlanAsync(district, year) is not null, $"the plan of {district} for {year} after the rollout");
        }
    }

    /// <summary>The district's plan of the year as the province reads it, or null when it has none.</summary>
    public async Task<JsonElement?> PlanAsync(string district, int year)
    {
        using var planning = await stack.ApiAsync(ServiceNames.Planning, ProvinceAdmin);
        using var response = await planning.GetAsync(new Uri($"/api/units/{district}/district-plans/years/{year}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// The district's plan of the year submitted by its officer (targets set on every line): rolled out first when
    /// the district has no plan, left as it is when it is already submitted or approved.
    /// </summary>
    public async Task<JsonElement> SubmittedPlanAsync(string district, string officer, int year)
    {
        if (await PlanAsync(district, year) is null)
        {
            await RollOutAsync(await PublishedTemplateAsync(year, $"Kế hoạch truyền thông năm {year}"), year, district);
        }

        var plan = (await PlanAsync(district, year))!.Value;
        if (Status(plan) is "Draft" or "Returned" or "Amending")
        {
            using var planning = await stack.ApiAsync(ServiceNames.Planning, officer);
            var id = plan.GetProperty("id").GetGuid();
            var lines = plan.GetProperty("lines").EnumerateArray()
                .Select(l => new { code = l.GetProperty("line").GetProperty("code").GetString(), activities = 12, cadenceMonths = (int?)null, organisations = (int?)null })
                .ToList();
            await SendAsync(planning, $"/api/units/{district}/district-plans/{id}/targets", new
            {
                version = plan.GetProperty("version").GetInt64(),
                lines,
                peopleReached = 5000,
                enrolments = new[] { new { scheme = "VoluntarySocialInsurance", people = 200 }, new { scheme = "HouseholdHealthInsurance", people = 800 } },
            });
            plan = (await PlanAsync(district, year))!.Value;
            await SendAsync(planning, $"/api/units/{district}/district-plans/{id}/submit", new { version = plan.GetProperty("version").GetInt64() });
            plan = (await PlanAsync(district, year))!.Value;
        }

        return plan;
    }

    /// <summary>The district's plan of the year approved by the province (submitted first when it is not yet).</summary>
    public async Task<JsonElement> ApprovedPlanAsync(string district, string officer, int year)
    {
        var plan = await SubmittedPlanAsync(district, officer, year);
        if (Status(plan) == "Submitted")
        {
            using var planning = await stack.ApiAsync(ServiceNames.Planning, ProvinceAdmin);
            await SendAsync(planning, $"/api/units/{Province}/district-plans/{district}/years/{year}/approve", new { version = plan.GetProperty("version").GetInt64() });
            plan = (await PlanAsync(district, year))!.Value;
        }

        Status(plan).ShouldBe("Approved");
        return plan;
    }

    /// <summary>
    /// The district's approved plan of the year, and Outreach knowing it (its <c>DistrictPlanApproved</c> message
    /// received), so activities may be logged against its lines; the district's officer account opened when missing.
    /// </summary>
    public async Task<JsonElement> PlanReadyForActivitiesAsync(string district, string officer, string officerName, int year)
    {
        await AccountAsync(district, officer, officerName, "district-officer");
        var plan = await ApprovedPlanAsync(district, officer, year);
        using var outreach = await stack.ApiAsync(ServiceNames.Outreach, officer);
        await Eventually.TrueAsync(
            async () => (await GetAsync(outreach, $"/api/units/{district}/known-plans")).EnumerateArray().Any(p => p.GetProperty("year").GetInt32() == year),
            $"Outreach knowing the approved plan of {district} for {year}");
        return plan;
    }

    /// <summary>
    /// One activity logged by the district's officer through Outreach's API, on the first line of the plan whose form
    /// needs no section of its own (people reached and a summary), yesterday 08:00–09:00 in Vietnam; its id.
    /// </summary>
    public async Task<Guid> ActivityAsync(string district, string officer, JsonElement plan, int peopleReached)
    {
        string[] withSections = ["DirectContact", "Conference", "MassMedia", "SmsPhone"];
        var line = plan.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line"))
            .First(l => !withSections.Contains(l.GetProperty("formKind").GetString()));
        var vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, vietnam).Date.AddDays(-1);
        var start = new DateTimeOffset(yesterday.AddHours(8), vietnam.GetUtcOffset(yesterday));
        using var outreach = await stack.ApiAsync(ServiceNames.Outreach, officer);
        var created = await SendAsync(outreach, $"/api/units/{district}/activities", new
        {
            districtPlanId = plan.GetProperty("id").GetGuid(),
            planLineCode = line.GetProperty("code").GetString(),
            audienceCode = line.GetProperty("audienceCode").GetString(),
            form = line.GetProperty("formKind").GetString(),
            startedAt = start,
            endedAt = start.AddHours(1),
            peopleReached,
            summary = "Hoạt động ghi qua API cho kiểm thử bảng tổng hợp",
        });
        return created.GetProperty("value").GetGuid();
    }

    /// <summary>
    /// A collection-service organisation registered by the district's officer in Partners, once Outreach knows it
    /// (its <c>PartnerRegistered</c> message received): the only kind of organisation prospects are handed to.
    /// </summary>
    public async Task<Guid> CollectionOrganisationAsync(string district, string officer, string name)
    {
        using var partners = await stack.ApiAsync(ServiceNames.Partners, officer);
        var created = await SendAsync(partners, $"/api/units/{district}/partners", new { name, type = "CollectionServiceOrganisation" });
        var id = created.GetProperty("value").GetGuid();
        using var outreach = await stack.ApiAsync(ServiceNames.Outreach, officer);
        await Eventually.TrueAsync(
            async () => (await GetAsync(outreach, $"/api/units/{district}/known-partners")).EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == id),
            $"Outreach knowing the organisation {name}");
        return id;
    }

    /// <summary>
    /// An account opened by the province administrator through the identity service's account API (password
    /// <see cref="StackFixture.Password"/>, no change required); nothing is done when the user name exists.
    /// </summary>
    public async Task AccountAsync(string unit, string userName, string displayName, string role, Guid? organisation = null, bool withEmail = false)
    {
        using var identity = await stack.ApiAsync(ServiceNames.Identity, ProvinceAdmin);
        using var response = await identity.PostAsJsonAsync(new Uri($"/api/units/{unit}/accounts", UriKind.Relative), new
        {
            userName, displayName, email = withEmail ? $"{userName}@demo.bhxh.local" : null, initialPassword = StackFixture.Password, mustChangePassword = false,
            grants = new[] { new { role, organisationId = organisation, reason = "Tài khoản cho kiểm thử trên trình duyệt" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict).ShouldBeTrue(body);
    }

    public static string Status(JsonElement plan) => plan.GetProperty("status").ToString();

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, string url, object command)
    {
        using var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), command);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>Waits for what the services do asynchronously (messages between them), a bounded number of times.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, $"waited {seconds} s for {what}");
            await Task.Delay(500);
        }
    }
}
