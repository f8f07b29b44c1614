using System.Text.Json;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.TestSupport;
using Marten;

namespace BhxhPlatform.Planning.Tests.Schedule;

/// <summary>
/// The year's report keeps each plan's schedule inputs between requests: it must still follow every
/// change of the plan, as the calculator makes the report from the plan document itself.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class ProgressPlanReaderTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string District = DistrictPlanTestData.District;
    private static readonly DateOnly AsOf = new(2026, 7, 15);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_report_follows_each_change_of_the_plan()
    {
        var id = await fixture.Host.AdoptedPlanAsync(District);
        await ReportShouldBeThatOfTheDocumentAsync();

        await fixture.Host.StepAsync(id, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput("3.1.01", 12, null, null)], 5000, []));
        var report = await ReportShouldBeThatOfTheDocumentAsync();
        (report.Lines.Single(l => l.Code == "3.1.01").ExpectedYear, report.Districts.Single().PeopleReachedTarget).ShouldBe((12, 5000));

        await fixture.Host.SubmitAsync(id);
        (await ReportShouldBeThatOfTheDocumentAsync()).Districts.Single().Status.ShouldBe(DistrictPlanStatus.Submitted);
    }

    private async Task<ProgressReport> ReportShouldBeThatOfTheDocumentAsync()
    {
        await using var session = fixture.Store.QuerySession(District);
        var plans = await session.Query<DistrictPlan>().Where(p => p.Year == 2026).ToListAsync();
        var expected = ProgressCalculator.Report(District, 2026, AsOf, plans, new ProgressFacts([], [], [], [], []));
        var report = await fixture.Host.GetJsonAsync<ProgressReport>($"/api/units/{District}/progress/years/2026?asOf=2026-07-15");
        JsonSerializer.Serialize(report, ScenarioExtensions.Json).ShouldBe(JsonSerializer.Serialize(expected, ScenarioExtensions.Json));
        return report;
    }
}
