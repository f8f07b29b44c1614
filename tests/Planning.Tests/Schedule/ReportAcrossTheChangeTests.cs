using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.Rollouts;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Tests.DistrictPlans;
using BhxhPlatform.Planning.Tests.Organisation;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Wolverine.Http;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Schedule;

/// <summary>
/// 2025 is the year of the change: district-era offices ran plans until 30 June, grassroots offices from 1 July.
/// Reports read the tree of each day of the year; a unit's report rolls in its predecessors' history.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class ReportAcrossTheChangeTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = TemplateTestData.Province;
    private static readonly string BienHoa = TreeVersionTestData.Districts[0].Id;
    private static readonly string LongKhanh = TreeVersionTestData.Districts[1].Id;
    private const string Office = "co-so-1";
    private static readonly string Auditor = TestTokens.For(PlatformRoles.Auditor, Province, "auditor.dong-nai");

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Recorded(string line, DateOnly on, int reached) =>
        new(Guid.NewGuid(), Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, on, reached, []);

    private async Task SendAsync(string unit, object message) => await fixture.Host.InvokeMessageAndWaitAsync(message, unit);

    private async Task<ProgressReport> ReportAsync(string unit) =>
        System.Text.Json.JsonSerializer.Deserialize<ProgressReport>(await (await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{unit}/progress/years/2025?asOf=2025-12-31");
            s.WithRequestHeader("Authorization", $"Bearer {Auditor}");
            s.StatusCodeShouldBeOk();
        })).ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;

    /// <summary>2025 plans for two district-era offices (adopted before the change), then the change, then the grassroots offices' plans.</summary>
    private async Task GivenPlansOnBothSidesOfTheChangeAsync()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync(year: 2025);
        await fixture.Host.AdoptAsync(templateId, BienHoa);
        await fixture.Host.AdoptAsync(templateId, LongKhanh);
        await fixture.Host.LoadAsync(TreeVersionTestData.Version2025());
        await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new StartRollout(templateId, 1, null), JsonStyle.MinimalApi).ToUrl($"/api/units/{Province}/rollouts");
            s.StatusCodeShouldBe(202);
        }), 30_000);

        await SendAsync(BienHoa, Recorded("3.1.01", new DateOnly(2025, 3, 10), 20));
        await SendAsync(LongKhanh, Recorded("3.1.01", new DateOnly(2025, 6, 30), 7));
        await SendAsync(Office, Recorded("3.1.01", new DateOnly(2025, 7, 1), 30));
        await SendAsync("co-so-2", Recorded("3.1.01", new DateOnly(2025, 9, 5), 4));
    }

    [Fact]
    public async Task A_province_report_for_2025_spans_1_July_with_both_kinds_of_unit()
    {
        await GivenPlansOnBothSidesOfTheChangeAsync();

        var report = await ReportAsync(Province);

        var offices = TreeVersionTestData.Version2025().GrassrootsOffices!.Select(o => o.Id);
        report.Districts.Select(d => d.District).ShouldBe([BienHoa, LongKhanh, .. offices], ignoreOrder: true);
        report.Logged.ShouldBe(4);
        report.PeopleReached.ShouldBe(20 + 7 + 30 + 4);
        report.Districts.Single(d => d.District == BienHoa).Logged.ShouldBe(1);
        report.Districts.Single(d => d.District == Office).PeopleReached.ShouldBe(30);
    }

    [Fact]
    public async Task A_successors_report_rolls_in_its_predecessors_history_and_a_ceased_unit_keeps_its_own()
    {
        await GivenPlansOnBothSidesOfTheChangeAsync();

        var successor = await ReportAsync(Office);
        var ceased = await ReportAsync(LongKhanh);

        successor.Districts.Select(d => d.District).ShouldBe([Office, BienHoa, LongKhanh], ignoreOrder: true);
        successor.PeopleReached.ShouldBe(20 + 7 + 30);
        ceased.Districts.Select(d => d.District).ShouldBe([LongKhanh]);
        ceased.PeopleReached.ShouldBe(7);
    }
}
