using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

public sealed class DistrictPlanRulesTests
{
    private static DistrictPlan Plan(DistrictPlanStatus status) =>
        DistrictPlan.Create(new DistrictPlanAdopted(Guid.NewGuid(), "bien-hoa", 2026, Guid.NewGuid(), 1, PlanCatalogue.Load().Lines)) with { Status = status };

    [Theory]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.Customise, null)]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.SetTargets, null)]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.Submit, null)]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.Approve, "plan-not-submitted")]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.Return, "plan-not-submitted")]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.Amend, "plan-not-approved")]
    [InlineData(DistrictPlanStatus.Draft, PlanAction.Close, "plan-not-approved")]
    [InlineData(DistrictPlanStatus.Submitted, PlanAction.Customise, "plan-not-editable")]
    [InlineData(DistrictPlanStatus.Submitted, PlanAction.Approve, null)]
    [InlineData(DistrictPlanStatus.Submitted, PlanAction.Return, null)]
    [InlineData(DistrictPlanStatus.Returned, PlanAction.SetTargets, null)]
    [InlineData(DistrictPlanStatus.Returned, PlanAction.Submit, null)]
    [InlineData(DistrictPlanStatus.Approved, PlanAction.SetTargets, "plan-not-editable")]
    [InlineData(DistrictPlanStatus.Approved, PlanAction.Approve, "plan-not-submitted")]
    [InlineData(DistrictPlanStatus.Approved, PlanAction.Amend, null)]
    [InlineData(DistrictPlanStatus.Approved, PlanAction.Close, null)]
    [InlineData(DistrictPlanStatus.Amending, PlanAction.Customise, null)]
    [InlineData(DistrictPlanStatus.Amending, PlanAction.Close, "plan-not-approved")]
    [InlineData(DistrictPlanStatus.Closed, PlanAction.Customise, "plan-closed")]
    [InlineData(DistrictPlanStatus.Closed, PlanAction.Amend, "plan-closed")]
    public void The_state_machine_allows_each_step_only_in_its_states(DistrictPlanStatus status, PlanAction action, string? refusal)
    {
        var problem = DistrictPlanRules.Refusal(Plan(status), action);

        if (refusal is null)
        {
            problem.ShouldBeNull();
        }
        else
        {
            problem.ShouldNotBeNull().Status.ShouldBe(409);
            problem.Extensions["code"].ShouldBe(refusal);
        }
    }

    [Fact]
    public void Events_move_the_plan_through_its_life()
    {
        var plan = Plan(DistrictPlanStatus.Draft);
        var id = plan.Id;

        plan = plan.Apply(new DistrictPlanTargetsSet(id, [new LineTarget("2.03", 8, null, null)], 5000, []));
        plan = plan.Apply(new DistrictPlanSubmitted(id)).Apply(new DistrictPlanApprovedByProvince(id, 1));
        plan = plan.Apply(new DistrictPlanAmendmentOpened(id, "Thêm chỉ tiêu")).Apply(new DistrictPlanSubmitted(id));
        plan = plan.Apply(new DistrictPlanApprovedByProvince(id, 2)).Apply(new DistrictPlanClosed(id));

        plan.Status.ShouldBe(DistrictPlanStatus.Closed);
        plan.Revision.ShouldBe(2);
        plan.Version.ShouldBe(8);
        plan.PeopleReachedTarget.ShouldBe(5000);
        plan.Lines.Single(l => l.Line.Code == "2.03").Target!.Activities.ShouldBe(8);
    }

    [Fact]
    public void The_approved_message_carries_each_line_with_its_yearly_target_and_the_districts_communes()
    {
        var plan = Plan(DistrictPlanStatus.Submitted).Apply(new DistrictPlanTargetsSet(Guid.Empty, [new LineTarget("3.1.01", 8, null, null)], 0, []));
        var tree = OrganisationTree.Load();

        var message = plan.ApprovedMessage(1, tree);

        var communes = message.CommuneIds.ShouldNotBeNull();
        communes.ShouldBe(tree.FindDistrict("bien-hoa")!.Communes.Select(c => c.Id));
        communes.ShouldContain("bien-hoa.trang-dai");
        communes.ShouldNotContain(c => !c.StartsWith("bien-hoa.", StringComparison.Ordinal));

        message.Lines.Count.ShouldBe(43);
        message.Lines.Single(l => l.Code == "3.1.01").TargetActivities.ShouldBe(8);
        message.Lines.Single(l => l.Code == "2.03").TargetActivities.ShouldBe(12);
        message.Lines.Single(l => l.Code == "1.02").TargetActivities.ShouldBe(12);
        message.Lines.Single(l => l.Code == "1.02").FormKind.ShouldBe("InformationProvision");
    }

    [Fact]
    public void Deterministic_ids_depend_only_on_the_name()
    {
        DeterministicId.DistrictPlan("bien-hoa", 2026).ShouldBe(DeterministicId.DistrictPlan("bien-hoa", 2026));
        DeterministicId.DistrictPlan("bien-hoa", 2026).ShouldNotBe(DeterministicId.DistrictPlan("bien-hoa", 2027));
        DeterministicId.DistrictPlan("bien-hoa", 2026).ToString()[14].ShouldBe('5');
    }
}
