using Alba;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.TestSupport;
using JasperFx.Events;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Planning.Tests.DistrictPlans.DistrictPlanTestData;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

/// <summary>The province approves or returns a district's plan from its own unit.</summary>
[Collection(PlanningCollection.Name)]
public sealed class ProvinceDecisionTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";
    private static readonly string YearUrl = $"/api/units/{Province}/district-plans/{District}/years/2026";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> DistrictEventsAsync()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    [Fact]
    public async Task The_province_approves_a_submitted_plan_and_the_message_goes_out_as_the_district()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ApproveDistrictPlan(2), JsonStyle.MinimalApi).ToUrl(YearUrl + "/approve");
            s.StatusCodeShouldBe(204);
        }), 10_000);

        var plan = await fixture.Host.GetPlanAsync(id);
        plan.Status.ShouldBe(DistrictPlanStatus.Approved);
        plan.Revision.ShouldBe(1);
        var sent = tracked.Sent.Envelopes().Where(e => e.Message is DistrictPlanApproved).ToList();
        sent.Count.ShouldBe(2);
        sent.ShouldAllBe(e => e.TenantId == District && ((DistrictPlanApproved)e.Message!).DistrictPlanId == id);
        await using var session = fixture.Store.QuerySession(District);
        var events = await session.Events.FetchStreamAsync(id);
        var approved = events[^1];
        approved.Data.ShouldBeOfType<DistrictPlanApprovedByProvince>();
        approved.TenantId.ShouldBe(District);
    }

    [Fact]
    public async Task The_province_returns_a_plan_with_its_reason()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);

        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ReturnDistrictPlan(2, "Thiếu chỉ tiêu BHXH tự nguyện"), JsonStyle.MinimalApi).ToUrl(YearUrl + "/return");
            s.StatusCodeShouldBe(204);
        });

        var plan = await fixture.Host.GetPlanAsync(id);
        plan.Status.ShouldBe(DistrictPlanStatus.Returned);
        plan.LastReason.ShouldBe("Thiếu chỉ tiêu BHXH tự nguyện");
    }

    [Fact]
    public async Task The_province_cannot_approve_a_draft_nor_decide_with_a_stale_version()
    {
        await fixture.Host.AdoptedPlanAsync();
        var before = await DistrictEventsAsync();

        var draft = await fixture.Host.PostExpectingProblemAsync(YearUrl + "/approve", new ApproveDistrictPlan(1), 409);
        var stale = await fixture.Host.PostExpectingProblemAsync(YearUrl + "/return", new ReturnDistrictPlan(7, "Lý do"), 409);

        draft.Type.ShouldEndWith("plan-not-submitted");
        stale.Type.ShouldEndWith("concurrency-conflict");
        (await DistrictEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_a_province_decides_on_its_own_districts_and_a_missing_plan_is_404()
    {
        var notProvince = await fixture.Host.PostExpectingProblemAsync(
            $"/api/units/bien-hoa/district-plans/{District}/years/2026/return", new ReturnDistrictPlan(1, ""));
        var foreign = await fixture.Host.PostExpectingProblemAsync(
            $"/api/units/{Province}/district-plans/ha-noi/years/2026/approve", new ApproveDistrictPlan(1));

        notProvince.Fields.ShouldBe(["unit", "district", "reason"], ignoreOrder: true);
        foreign.Fields.ShouldBe(["district"]);
        await fixture.Host.PostExpectingProblemAsync(YearUrl + "/approve", new ApproveDistrictPlan(0), 404);
    }
}
