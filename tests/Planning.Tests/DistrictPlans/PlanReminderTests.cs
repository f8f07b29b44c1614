using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Planning.Tests.DistrictPlans.DistrictPlanTestData;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

/// <summary>A plan changing hands tells the other side through Identity: submitted, the province's administrators; returned, the district's officers.</summary>
[Collection(PlanningCollection.Name)]
public sealed class PlanReminderTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<ReminderRaised>> RemindersDuringAsync(Func<Task> act) =>
        [.. (await fixture.Host.SentDuringAsync(act)).To(ServiceNames.Identity).Select(e => e.Message).OfType<ReminderRaised>()];

    private Task<IReadOnlyList<ReminderRaised>> SubmitAsync(Guid id) => RemindersDuringAsync(() => fixture.Host.SubmitAsync(id));

    [Fact]
    public async Task A_submitted_plan_reaches_the_provinces_administrators_and_each_submission_is_a_reminder_of_its_own()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        var first = (await SubmitAsync(id)).ShouldHaveSingleItem();

        first.Kind.ShouldBe(ReminderKinds.PlanSubmitted);
        first.Audience.ShouldBe(new ReminderAudience(Province, PlatformRoles.ProvincialAdministrator));
        first.PortalPath.ShouldBe($"/province/approvals/{District}");
        first.Subject.Vi.ShouldBe("BHXH thành phố Biên Hòa trình kế hoạch truyền thông năm 2026");
        first.Body.Vi.ShouldContain("(43 dòng)");
        first.Body.En.ShouldContain("approve or return it");

        await fixture.Host.StepAsync(id, "return", v => new ReturnDistrictPlan(v, "Thiếu chỉ tiêu"));
        var second = (await SubmitAsync(id)).ShouldHaveSingleItem();
        second.ReminderId.ShouldNotBe(first.ReminderId);
    }

    [Fact]
    public async Task A_returned_plan_reaches_the_districts_officers_with_the_reason_from_either_route()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);

        var fromPlan = (await RemindersDuringAsync(() =>
            fixture.Host.StepAsync(id, "return", v => new ReturnDistrictPlan(v, "  Thiếu chỉ tiêu BHXH tự nguyện ")))).ShouldHaveSingleItem();
        fromPlan.Kind.ShouldBe(ReminderKinds.PlanReturned);
        fromPlan.Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.DistrictOfficer));
        fromPlan.PortalPath.ShouldBe("/plan");
        fromPlan.Body.Vi.ShouldEndWith("Lý do: Thiếu chỉ tiêu BHXH tự nguyện");

        await fixture.Host.SubmitAsync(id);
        var version = (await fixture.Host.GetPlanAsync(id)).Version;
        var fromProvince = (await RemindersDuringAsync(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ReturnDistrictPlan(version, "Sai số liệu"), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{Province}/district-plans/{District}/years/2026/return");
            s.StatusCodeShouldBe(204);
        }))).ShouldHaveSingleItem();
        fromProvince.Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.DistrictOfficer));
        fromProvince.Body.En.ShouldEndWith("Reason: Sai số liệu");
        fromProvince.ReminderId.ShouldNotBe(fromPlan.ReminderId);
    }

    [Fact]
    public async Task A_refused_submission_or_return_tells_nobody()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        (await RemindersDuringAsync(() => fixture.Host.PostExpectingProblemAsync(PlanUrl(id, "/return"), new ReturnDistrictPlan(1, "Lý do"), 409)))
            .ShouldBeEmpty();
        (await RemindersDuringAsync(() => fixture.Host.PostExpectingProblemAsync(PlanUrl(id, "/submit"), new SubmitDistrictPlan(7), 409)))
            .ShouldBeEmpty();
    }
}
