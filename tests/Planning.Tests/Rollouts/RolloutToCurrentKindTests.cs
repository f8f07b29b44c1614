using Alba;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Rollouts;
using BhxhPlatform.Planning.Tests.Organisation;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Http;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Rollouts;

/// <summary>A rollout goes to the units that run plans on its day, as the unit tree says (the clock here is today, after 1 July 2025).</summary>
[Collection(PlanningCollection.Name)]
public sealed class RolloutToCurrentKindTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = TemplateTestData.Province;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<RolloutProgress> RollOutAsync(StartRollout command)
    {
        Guid id = default;
        await fixture.Host.ExecuteAndWaitAsync(async () =>
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Post.Json(command, JsonStyle.MinimalApi).ToUrl($"/api/units/{Province}/rollouts");
                s.StatusCodeShouldBe(202);
            });
            id = (await result.ReadAsJsonAsync<CreationResponse<Guid>>())!.Value;
        }, 30_000);
        return await fixture.Host.GetJsonAsync<RolloutProgress>($"/api/units/{Province}/rollouts/{id}");
    }

    [Fact]
    public async Task A_rollout_in_2026_reaches_the_grassroots_offices_and_no_district_era_office()
    {
        var version = TreeVersionTestData.Version2025();
        await fixture.Host.LoadAsync(version);
        var templateId = await fixture.Host.PublishedTemplateAsync();

        var progress = await RollOutAsync(new StartRollout(templateId, 1, null));

        progress.Year.ShouldBe(2026);
        var offices = version.GrassrootsOffices!.Select(o => o.Id).ToList();
        progress.Districts.Select(d => d.District).ShouldBe(offices, ignoreOrder: true);
        progress.Districts.ShouldAllBe(d => d.Status == "Adopted");
        foreach (var office in offices)
        {
            await using var session = fixture.Store.QuerySession(office);
            (await session.LoadAsync<DistrictPlan>(DeterministicId.DistrictPlan(office, 2026))).ShouldNotBeNull().District.ShouldBe(office);
        }

        foreach (var district in TreeVersionTestData.Districts)
        {
            await using var session = fixture.Store.QuerySession(district.Id);
            (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_district_era_office_cannot_be_named_in_a_rollout_after_the_change()
    {
        await fixture.Host.LoadAsync(TreeVersionTestData.Version2025());

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{Province}/rollouts",
            new StartRollout(Guid.NewGuid(), 1, ["co-so-1", TreeVersionTestData.Districts[0].Id]));

        problem.Fields.ShouldBe(["districts[1]"]);
        problem.FieldErrors![0].En.ShouldContain("unit");
    }
}
