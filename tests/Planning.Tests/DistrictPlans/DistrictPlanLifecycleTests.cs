using Alba;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;
using JasperFx.Events;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Planning.Tests.DistrictPlans.DistrictPlanTestData;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

[Collection(PlanningCollection.Name)]
public sealed class DistrictPlanLifecycleTests(PlanningFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> EventCountAsync(string tenant = District)
    {
        await using var session = fixture.Store.QuerySession(tenant);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private async Task<ProblemBody> RefusedAsync(Guid id, string step, object command, int status)
    {
        var before = await EventCountAsync();
        var problem = await fixture.Host.PostExpectingProblemAsync(PlanUrl(id, "/" + step), command, status);
        (await EventCountAsync()).ShouldBe(before);
        return problem;
    }

    [Fact]
    public async Task A_district_adopts_a_published_template_version_and_gets_its_lines()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();

        var id = await fixture.Host.AdoptAsync(templateId);

        id.ShouldBe(DeterministicId.DistrictPlan(District, 2026));
        var plan = await fixture.Host.GetPlanAsync(id);
        plan.Status.ShouldBe(DistrictPlanStatus.Draft);
        plan.District.ShouldBe(District);
        plan.Year.ShouldBe(2026);
        plan.TemplateId.ShouldBe(templateId);
        plan.Lines.Count.ShouldBe(43);
        (await fixture.Host.GetJsonAsync<DistrictPlan>($"/api/units/{District}/district-plans/years/2026")).Id.ShouldBe(id);
    }

    [Fact]
    public async Task A_second_adoption_for_the_same_year_conflicts_and_appends_nothing()
    {
        var templateId = await fixture.Host.PublishedTemplateAsync();
        await fixture.Host.AdoptAsync(templateId);
        var before = await EventCountAsync();

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/district-plans", new AdoptTemplate(templateId, 1), 409);

        problem.Type.ShouldEndWith("plan-exists");
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_a_published_version_of_an_existing_template_can_be_adopted()
    {
        var draft = await fixture.Host.DraftFromCatalogueAsync();

        var unpublished = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/district-plans", new AdoptTemplate(draft, 1), 422);
        var missing = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/district-plans", new AdoptTemplate(Guid.NewGuid(), 1), 422);

        unpublished.Type.ShouldEndWith("version-not-published");
        missing.Type.ShouldEndWith("template-not-found");
        (await EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Adoption_input_is_validated_field_by_field()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync("/api/units/dong-nai/district-plans", new AdoptTemplate(Guid.Empty, 0));

        problem.Fields.ShouldBe(["templateId", "templateVersion", "unit"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_district_customises_a_line_and_sets_targets()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        var line = PlanLineInput.From(PlanCatalogue.Load().FindLine("2.03")!) with { Form = "Hội nghị đối thoại tại khu công nghiệp" };

        await fixture.Host.StepAsync(id, "lines", v => new CustomiseDistrictPlanLine(v, line));
        await fixture.Host.StepAsync(id, "targets", v => new SetDistrictPlanTargets(
            v, [new LineTargetInput("2.03", 6, null, null), new LineTargetInput("1.01", 4, 3, null)], 12_000,
            [new EnrolmentTargetInput(EnrolmentScheme.VoluntarySocialInsurance, 300)]));

        var plan = await fixture.Host.GetPlanAsync(id);
        plan.Lines.Single(l => l.Line.Code == "2.03").Line.Form.ShouldBe("Hội nghị đối thoại tại khu công nghiệp");
        plan.Lines.Single(l => l.Line.Code == "2.03").Target.ShouldBe(new LineTarget("2.03", 6, null, null));
        plan.Lines.Single(l => l.Line.Code == "1.01").Target!.CadenceMonths.ShouldBe(3);
        plan.PeopleReachedTarget.ShouldBe(12_000);
        plan.EnrolmentTargets.ShouldBe([new EnrolmentTarget(EnrolmentScheme.VoluntarySocialInsurance, 300)]);
    }

    [Fact]
    public async Task Targets_are_validated_field_by_field_and_append_nothing()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        var problem = await RefusedAsync(id, "targets", new SetDistrictPlanTargets(
            1, [new LineTargetInput("9.99", -1, 13, 0), new LineTargetInput("2.03", 1, null, null), new LineTargetInput("2.03", 1, null, null)], -5,
            [new EnrolmentTargetInput(null, -1)]), 400);

        problem.Fields.ShouldBe(
            ["peopleReached", "lines[0].code", "lines[0].activities", "lines[0].cadenceMonths", "lines[0].organisations",
             "lines[1].code", "lines[2].code", "enrolments[0].scheme", "enrolments[0].people"],
            ignoreOrder: true);
        (await RefusedAsync(id, "targets", new SetDistrictPlanTargets(1, null, 0, null), 400)).Fields.ShouldBe(["lines"]);
    }

    [Fact]
    public async Task A_customised_line_is_validated()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        var problem = await RefusedAsync(id, "lines", new CustomiseDistrictPlanLine(1, TemplateTestData.NewLine() with { Subject = "" }), 400);

        problem.Fields.ShouldBe(["line.subject"]);
    }

    [Fact]
    public async Task Approval_publishes_district_plan_approved_with_the_lines_and_targets()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.StepAsync(id, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput("3.1.01", 6, null, null)], 0, []));
        await fixture.Host.SubmitAsync(id);
        var plan = await fixture.Host.GetPlanAsync(id);

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ApproveDistrictPlan(plan.Version), JsonStyle.MinimalApi).ToUrl(PlanUrl(id, "/approve"));
            s.StatusCodeShouldBe(204);
        }), 10_000);

        var sent = tracked.Sent.Envelopes().Where(e => e.Message is DistrictPlanApproved).ToList();
        sent.Select(e => e.Destination!.ToString()).ShouldBe(["postgresql://outreach/", "postgresql://partners/"], ignoreOrder: true);
        sent.ShouldAllBe(e => e.TenantId == District);
        var message = (DistrictPlanApproved)sent[0].Message!;
        message.DistrictPlanId.ShouldBe(id);
        message.Year.ShouldBe(2026);
        message.Revision.ShouldBe(1);
        message.Lines.Single(l => l.Code == "3.1.01").TargetActivities.ShouldBe(6);
        message.Lines.Single(l => l.Code == "3.1.01").AudienceCode.ShouldBe("3.1");
        message.CommuneIds.ShouldNotBeNull().ShouldContain("bien-hoa.trang-dai");
        (await fixture.Host.GetPlanAsync(id)).Status.ShouldBe(DistrictPlanStatus.Approved);
    }

    [Fact]
    public async Task An_amended_plan_is_approved_again_as_the_next_revision()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);
        await fixture.Host.ApproveAsync(id);

        await fixture.Host.StepAsync(id, "amend", v => new AmendDistrictPlan(v, "Bổ sung hội nghị tại xã"));
        await fixture.Host.StepAsync(id, "targets", v => new SetDistrictPlanTargets(v, [new LineTargetInput("3.1.01", 9, null, null)], 0, []));
        await fixture.Host.SubmitAsync(id);
        var plan = await fixture.Host.GetPlanAsync(id);
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ApproveDistrictPlan(plan.Version), JsonStyle.MinimalApi).ToUrl(PlanUrl(id, "/approve"));
            s.StatusCodeShouldBe(204);
        }), 10_000);

        var message = tracked.Sent.MessagesOf<DistrictPlanApproved>().Distinct().ShouldHaveSingleItem();
        message.Revision.ShouldBe(2);
        message.Lines.Single(l => l.Code == "3.1.01").TargetActivities.ShouldBe(9);
    }

    [Fact]
    public async Task A_returned_plan_carries_the_reason_and_can_be_resubmitted()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);

        await fixture.Host.StepAsync(id, "return", v => new ReturnDistrictPlan(v, "Chưa có chỉ tiêu phát triển người tham gia"));

        var plan = await fixture.Host.GetPlanAsync(id);
        plan.Status.ShouldBe(DistrictPlanStatus.Returned);
        plan.LastReason.ShouldBe("Chưa có chỉ tiêu phát triển người tham gia");
        await fixture.Host.SubmitAsync(id);
        (await fixture.Host.GetPlanAsync(id)).Status.ShouldBe(DistrictPlanStatus.Submitted);
    }

    [Fact]
    public async Task Reasons_are_required_and_checked()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);

        (await RefusedAsync(id, "return", new ReturnDistrictPlan(2, " "), 400)).Fields.ShouldBe(["reason"]);
        (await RefusedAsync(id, "amend", new AmendDistrictPlan(2, new string('x', 1001)), 400)).Fields.ShouldBe(["reason"]);
    }

    [Fact]
    public async Task Steps_out_of_order_are_409_and_append_nothing()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        (await RefusedAsync(id, "approve", new ApproveDistrictPlan(1), 409)).Type.ShouldEndWith("plan-not-submitted");
        (await RefusedAsync(id, "return", new ReturnDistrictPlan(1, "Lý do"), 409)).Type.ShouldEndWith("plan-not-submitted");
        (await RefusedAsync(id, "amend", new AmendDistrictPlan(1, "Lý do"), 409)).Type.ShouldEndWith("plan-not-approved");
        (await RefusedAsync(id, "close", new CloseDistrictPlan(1), 409)).Type.ShouldEndWith("plan-not-approved");

        await fixture.Host.SubmitAsync(id);
        (await RefusedAsync(id, "targets", new SetDistrictPlanTargets(2, [], 0, []), 409)).Type.ShouldEndWith("plan-not-editable");
        (await RefusedAsync(id, "submit", new SubmitDistrictPlan(2), 409)).Type.ShouldEndWith("plan-not-editable");
    }

    [Fact]
    public async Task A_closed_plan_cannot_be_edited()
    {
        var id = await fixture.Host.AdoptedPlanAsync();
        await fixture.Host.SubmitAsync(id);
        await fixture.Host.ApproveAsync(id);
        await fixture.Host.StepAsync(id, "close", v => new CloseDistrictPlan(v));

        var line = PlanLineInput.From(PlanCatalogue.Load().FindLine("2.03")!);
        (await RefusedAsync(id, "lines", new CustomiseDistrictPlanLine(4, line), 409)).Type.ShouldEndWith("plan-closed");
        (await RefusedAsync(id, "amend", new AmendDistrictPlan(4, "Lý do"), 409)).Type.ShouldEndWith("plan-closed");
        (await fixture.Host.GetPlanAsync(id)).Status.ShouldBe(DistrictPlanStatus.Closed);
    }

    [Fact]
    public async Task A_stale_version_is_409()
    {
        var id = await fixture.Host.AdoptedPlanAsync();

        (await RefusedAsync(id, "submit", new SubmitDistrictPlan(0), 409)).Type.ShouldEndWith("concurrency-conflict");
    }
}
