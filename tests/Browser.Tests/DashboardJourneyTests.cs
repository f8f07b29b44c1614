using System.Text.Json;
using BhxhPlatform.Contracts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>The province dashboard against the services' own figures: Planning's province report and Outreach's count of each unit's activities.</summary>
[Collection(StackCollection.Name)]
public sealed class DashboardJourneyTests(StackFixture stack)
{
    private const string District = "xuan-loc";
    private const string Officer = "officer.xuan-loc";

    [Fact]
    public async Task The_province_dashboard_shows_the_figures_Planning_and_Outreach_hold()
    {
        var year = Given.ThisYear;
        var given = new Given(stack);
        var plan = await given.PlanReadyForActivitiesAsync(District, Officer, "Cán bộ truyền thông BHXH Xuân Lộc", year);
        await given.ActivityAsync(District, Officer, plan, peopleReached: 35);
        await given.ActivityAsync(District, Officer, plan, peopleReached: 15);
        using var planning = await stack.ApiAsync(ServiceNames.Planning, Given.ProvinceAdmin);
        using var outreach = await stack.ApiAsync(ServiceNames.Outreach, Given.ProvinceAdmin);

        // Planning has counted what Outreach holds for the district (its messages arrive on their own time).
        JsonElement report = default;
        await Eventually.TrueAsync(async () =>
        {
            report = await Given.GetAsync(planning, $"/api/units/{Given.Province}/progress/years/{year}");
            var unit = report.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("district").GetString() == District);
            var totals = await Given.GetAsync(outreach, $"/api/units/{District}/activity-totals");
            return unit.GetProperty("logged").GetInt32() == totals.GetProperty("activities").GetInt32() && unit.GetProperty("logged").GetInt32() >= 2;
        }, "Planning counting the activities Outreach holds");

        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.SignInAsync(stack, Given.ProvinceAdmin);
        await page.MenuAsync("Tổng hợp");
        await Expect(page.GetByTestId("province-totals")).ToBeVisibleAsync();
        await browser.SeenAsync("dashboard");
        await browser.ForReadmeAsync("province-dashboard");
        // What was read above may have moved on since (other journeys share the platform): read it again as the page did.
        report = await Given.GetAsync(planning, $"/api/units/{Given.Province}/progress/years/{year}");

        var totals = page.GetByTestId("province-totals");
        foreach (var (figure, property) in Totals)
        {
            await Expect(totals.Locator($"[data-figure={figure}]")).ToHaveTextAsync(Portal.Number(report.GetProperty(property).GetInt64()));
        }

        var districts = report.GetProperty("districts").EnumerateArray().ToList();
        await Expect(page.GetByTestId("units").Locator("tbody tr")).ToHaveCountAsync(districts.Count);
        foreach (var unit in districts)
        {
            var id = unit.GetProperty("district").GetString()!;
            foreach (var (figure, property) in Units)
            {
                await Expect(page.Locator($"td[data-unit={id}][data-figure={figure}]")).ToHaveTextAsync(Portal.Number(unit.GetProperty(property).GetInt64()), new() { Timeout = 2_000 });
            }

            // Outreach's own count of the unit's activities, not only Planning's.
            var held = await Given.GetAsync(outreach, $"/api/units/{id}/activity-totals");
            await Expect(page.Locator($"td[data-unit={id}][data-figure=activities]")).ToHaveTextAsync(Portal.Number(held.GetProperty("activities").GetInt64()));
        }

        foreach (var audience in report.GetProperty("audiences").EnumerateArray())
        {
            var code = audience.GetProperty("audienceCode").GetString()!;
            foreach (var (figure, property) in Audiences)
            {
                await Expect(page.Locator($"td[data-audience='{code}'][data-figure={figure}]")).ToHaveTextAsync(Portal.Number(audience.GetProperty(property).GetInt64()));
            }
        }

        // Per month: the sums over the lines of the report.
        var lines = report.GetProperty("lines").EnumerateArray().ToList();
        for (var month = 1; month <= 12; month++)
        {
            var logged = lines.Sum(l => l.GetProperty("months").EnumerateArray().Where(m => m.GetProperty("period").GetInt32() == month).Sum(m => m.GetProperty("logged").GetInt32()));
            var cell = page.Locator($"td[data-month='{month}'][data-figure=activities]");
            if (await cell.CountAsync() > 0)
            {
                await Expect(cell).ToHaveTextAsync(Portal.Number(logged));
            }
        }

        await Expect(page.GetByTestId("overdue-list").Locator("tbody tr")).ToHaveCountAsync(lines.Count(l => l.GetProperty("overdue").GetBoolean()));
    }

    private static readonly (string Figure, string Property)[] Totals =
        [("expected-year", "expectedYear"), ("expected-by-now", "expectedByNow"), ("activities", "logged"), ("people-reached", "peopleReached"), ("enrolled", "enrolled")];

    private static readonly (string Figure, string Property)[] Units =
    [
        ("expected-year", "expectedYear"), ("expected-by-now", "expectedByNow"), ("activities", "logged"), ("people-reached", "peopleReached"),
        ("people-target", "peopleReachedTarget"), ("enrolled", "enrolled"), ("enrolment-target", "enrolmentTarget"),
        ("overdue-lines", "overdueLines"), ("over-cap-lines", "overCapLines"),
    ];

    private static readonly (string Figure, string Property)[] Audiences =
        [("expected-year", "expectedYear"), ("expected-by-now", "expectedByNow"), ("activities", "logged"), ("people-reached", "peopleReached")];
}
