using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Planning.Tests.DistrictPlans.DistrictPlanTestData;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

/// <summary>
/// A unit finds the templates its province published, adopts one, and takes out the lines it will not run
/// (before any activity is logged against them).
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class DistrictPlanLinesTests(PlanningFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> EventCountAsync(string tenant = District)
    {
        await using var session = fixture.Store.QuerySession(tenant);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private async Task<ProblemBody> RefusedAsync(Guid id, object command, int status)
    {
        var before = await EventCountAsync();
        var problem = await fixture.Host.PostExpectingProblemAsync(PlanUrl(id, "/lines/remove"), command, status);
        (await EventCountAsync()).ShouldBe(before);
        return problem;
    }

    [Fact]
    public async Task A_unit_lists_only_the_published_templates_of_its_province_and_sees_which_it_adopted()
    {
        var published = await fixture.Host.PublishedTemplateAsync();
        await fixture.Host.DraftFromCatalogueAsync(2027);

        var before = await fixture.Host.GetJsonAsync<List<AdoptableTemplate>>($"/api/units/{District}/adoptable-templates");

        var template = before.ShouldHaveSingleItem();
        template.Id.ShouldBe(published);
        template.Year.ShouldBe(2026);
        template.Version.ShouldBe(1);
        template.Lines.Count.ShouldBe(43);
        template.AdoptedPlanId.ShouldBeNull();

        var plan = await fixture.Host.AdoptAsync(published);
        var after = await fixture.Host.GetJsonAsync<List<AdoptableTemplate>>($"/api/units/{District}/adoptable-templates");
        after.ShouldHaveSingleItem().AdoptedPlanId.ShouldBe(plan);
    }

    [Fact]
    public async Task A_unit_that_runs_no_plan_is_offered_no_template()
    {
        await fixture.Host.PublishedTemplateAsync();

        (await fixture.Host.GetJsonAsync<List<AdoptableTemplate>>("/api/units/dong-nai/adoptable-templates")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_unit_removes_a_line_it_will_not_run_and_the_plan_keeps_the_others()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        await fixture.Host.StepAsync(id, "lines/remove", v => new RemoveDistrictPlanLine(v, " 2.03 "));

        var plan = await fixture.Host.GetPlanAsync(id);
        plan.Lines.Count.ShouldBe(42);
        plan.HasLine("2.03").ShouldBeFalse();
        await using var session = fixture.Store.QuerySession(District);
        var events = await session.Events.FetchStreamAsync(id);
        events[^1].Data.ShouldBe(new DistrictPlanLineRemoved(id, "2.03"));
    }

    [Fact]
    public async Task Removing_is_validated_and_a_refused_removal_appends_nothing()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        (await RefusedAsync(id, new RemoveDistrictPlanLine(1, ""), 400)).Fields.ShouldBe(["code"]);
        (await RefusedAsync(id, new RemoveDistrictPlanLine(1, "9.99"), 422)).Type.ShouldEndWith("no-such-line");
        (await RefusedAsync(id, new RemoveDistrictPlanLine(0, "2.03"), 409)).Status.ShouldBe(409);
    }

    [Fact]
    public async Task A_submitted_plan_keeps_its_lines()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);
        var plan = await fixture.Host.GetPlanAsync(id);

        (await RefusedAsync(id, new RemoveDistrictPlanLine(plan.Version, "2.03"), 409)).Type.ShouldEndWith("plan-not-editable");
    }

    [Fact]
    public async Task A_line_with_logged_activities_cannot_be_removed_during_an_amendment_but_an_unused_one_can()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);
        await fixture.Host.ApproveAsync(id);
        await fixture.Host.InvokeMessageAndWaitAsync(
            new ActivityRecorded(Guid.NewGuid(), id, "2.03", "2", "DirectContact", null, new DateOnly(2026, 3, 10), 30, []), District);
        await fixture.Host.StepAsync(id, "amend", v => new AmendDistrictPlan(v, "Bỏ các dòng không thực hiện"));
        var plan = await fixture.Host.GetPlanAsync(id);

        (await RefusedAsync(id, new RemoveDistrictPlanLine(plan.Version, "2.03"), 409)).Type.ShouldEndWith("line-has-activities");
        await fixture.Host.StepAsync(id, "lines/remove", v => new RemoveDistrictPlanLine(v, "1.01"));

        (await fixture.Host.GetPlanAsync(id)).HasLine("1.01").ShouldBeFalse();
    }
}
