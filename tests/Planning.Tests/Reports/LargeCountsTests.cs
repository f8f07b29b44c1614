using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Reports;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Reports;

/// <summary>
/// Counts of people reached are bounded per activity (Outreach refuses more than <see cref="Check.MaxPeople"/>),
/// but a year of a province adds many of them: the sums are 64-bit, so eleven activities at the bound
/// (2.2 billion, above <see cref="int.MaxValue"/>) are reported, not answered with a 500.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class LargeCountsTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Unit = DistrictPlanTestData.District;
    private const string Province = TemplateTestData.Province;
    private const string Line = "3.1.01";
    private const long Expected = 11 * Check.MaxPeople;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task People_reached_beyond_the_range_of_a_32_bit_number_add_up_in_progress_and_reports_of_the_unit_and_the_province()
    {
        var plan = await fixture.Host.AdoptedPlanAsync(Unit);
        await fixture.Host.StepAsync(plan, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput(Line, 12, null, null)], 6000, []), Unit);
        await fixture.Host.SubmitAsync(plan, Unit);
        await fixture.Host.ApproveAsync(plan, Unit);
        for (var month = 1; month <= 11; month++)
        {
            await fixture.Host.InvokeMessageAndWaitAsync(
                new ActivityRecorded(Guid.NewGuid(), plan, Line, "3.1", "DirectContact", null, new DateOnly(2026, month, 10), (int)Check.MaxPeople, []), Unit);
        }

        Expected.ShouldBeGreaterThan(int.MaxValue);
        foreach (var unit in new[] { Unit, Province })
        {
            var progress = await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{unit}/progress/years/2026?asOf=2026-11-30");
            progress.PeopleReached.ShouldBe(Expected, unit);
            progress.Lines.Single(l => l.Code == Line).PeopleReached.ShouldBe(Expected, unit);

            var report = await fixture.Host.GetJsonAsync<ResultsReport>($"/api/units/{unit}/reports/2026/year?asOf=2026-11-30");
            report.Totals.PeopleReached.ShouldBe(Expected, unit);
            report.Totals.PeopleReachedYear.ShouldBe(Expected, unit);

            await fixture.Host.Scenario(s =>
            {
                s.Get.Url($"/api/units/{unit}/reports/2026/year/xlsx?asOf=2026-11-30");
                s.StatusCodeShouldBeOk();
            });
        }
    }
}
