using Alba;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Rollouts;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using JasperFx.Events;
using Marten;
using Wolverine.Http;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Rollouts;

[Collection(PlanningCollection.Name)]
public sealed class RolloutTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = TemplateTestData.Province;

    private static readonly List<string> AllDistricts =
        OrganisationTree.Load().FindProvince(TemplateTestData.Province)!.Districts.Select(d => d.Id).ToList();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> RollOutAsync(StartRollout command)
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
        return id;
    }

    private Task<RolloutProgress> ProgressAsync(Guid id) =>
        fixture.Host.GetJsonAsync<RolloutProgress>($"/api/units/{Province}/rollouts/{id}");

    private async Task<long> EventsInDistrictsAsync()
    {
        long count = 0;
        foreach (var district in AllDistricts)
        {
            await using var session = fixture.Store.QuerySession(district);
            count += await session.Events.QueryAllRawEvents().CountAsync();
        }

        return count;
    }

    [Fact]
    public async Task A_rollout_gives_every_district_of_the_province_its_plan()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();

        var id = await RollOutAsync(new StartRollout(templateId, 1, null));

        var progress = await ProgressAsync(id);
        progress.Pending.ShouldBe(0);
        progress.Districts.Select(d => d.District).ShouldBe(AllDistricts, ignoreOrder: true);
        progress.Districts.ShouldAllBe(d => d.Status == "Adopted");
        foreach (var district in AllDistricts)
        {
            await using var session = fixture.Store.QuerySession(district);
            var plan = await session.LoadAsync<DistrictPlan>(DeterministicId.DistrictPlan(district, 2026));
            plan.ShouldNotBeNull().District.ShouldBe(district);
            plan.Lines.Count.ShouldBe(43);
        }
    }

    [Fact]
    public async Task Running_the_rollout_twice_creates_nothing_twice()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();
        var first = await RollOutAsync(new StartRollout(templateId, 1, null));
        var events = await EventsInDistrictsAsync();

        var second = await RollOutAsync(new StartRollout(templateId, 1, null));

        second.ShouldBe(first);
        (await EventsInDistrictsAsync()).ShouldBe(events);
        events.ShouldBe(11);
        (await ProgressAsync(first)).Districts.ShouldAllBe(d => d.Status == "Adopted");
        await using var province = fixture.Store.QuerySession(Province);
        (await province.Events.FetchStreamAsync(first)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Each_districts_report_is_an_event_of_its_own_stream_which_the_rebuild_check_replays()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();
        var id = await RollOutAsync(new StartRollout(templateId, 1, null));
        await RollOutAsync(new StartRollout(templateId, 1, null));

        await using (var province = fixture.Store.QuerySession(Province))
        {
            foreach (var district in AllDistricts)
            {
                // The re-run reported "already adopted", which changes nothing: one event each.
                (await province.Events.FetchStreamAsync(RolloutDistrictOutcome.IdOf(id, district))).ShouldHaveSingleItem();
            }
        }

        var intact = await fixture.Host.GetJsonAsync<ServiceDefaults.Audit.RebuildReport>($"/api/units/{Province}/audit/rebuild-check");
        intact.Matches.ShouldBeTrue();
        var altered = RolloutDistrictOutcome.IdOf(id, AllDistricts[0]);
        await fixture.ExecuteSqlAsync($"update planning.mt_doc_rolloutdistrictoutcome set data = jsonb_set(data, '{{outcome}}', '\"AlreadyAdopted\"') where id = '{altered}'");

        var report = await fixture.Host.GetJsonAsync<ServiceDefaults.Audit.RebuildReport>($"/api/units/{Province}/audit/rebuild-check");
        var difference = report.Differences.ShouldHaveSingleItem();
        difference.StreamId.ShouldBe(altered);
        difference.Rebuilt!.Value.GetProperty("outcome").GetString().ShouldBe("Adopted");
    }

    [Fact]
    public async Task A_rollout_to_named_districts_reaches_only_them_and_a_district_with_a_plan_reports_it()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();
        await fixture.Host.CreateAsync("/api/units/long-khanh/district-plans", new AdoptTemplate(templateId, 1));

        var id = await RollOutAsync(new StartRollout(templateId, 1, ["bien-hoa", "long-khanh"]));

        var progress = await ProgressAsync(id);
        progress.Districts.ShouldBe(
            [new RolloutDistrictProgress("bien-hoa", "Adopted", DeterministicId.DistrictPlan("bien-hoa", 2026)),
             new RolloutDistrictProgress("long-khanh", "AlreadyAdopted", DeterministicId.DistrictPlan("long-khanh", 2026))]);
        await using var session = fixture.Store.QuerySession("tan-phu");
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Only_a_published_version_can_be_rolled_out()
    {
        var draft = await fixture.Host.DraftFromCatalogueAsync();

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{Province}/rollouts", new StartRollout(draft, 1, null), 422);
        var missing = await fixture.Host.PostExpectingProblemAsync($"/api/units/{Province}/rollouts", new StartRollout(Guid.NewGuid(), 1, null), 422);

        problem.Type.ShouldEndWith("version-not-published");
        missing.Type.ShouldEndWith("template-not-found");
    }

    [Fact]
    public async Task Rollout_input_is_validated_field_by_field()
    {
        var fromDistrict = await fixture.Host.PostExpectingProblemAsync("/api/units/bien-hoa/rollouts", new StartRollout(Guid.Empty, 0, []));
        var foreign = await fixture.Host.PostExpectingProblemAsync($"/api/units/{Province}/rollouts", new StartRollout(Guid.NewGuid(), 1, ["bien-hoa", "ha-noi"]));

        fromDistrict.Fields.ShouldBe(["unit", "templateId", "templateVersion", "districts"], ignoreOrder: true);
        foreign.Fields.ShouldBe(["districts[1]"]);
    }
}
