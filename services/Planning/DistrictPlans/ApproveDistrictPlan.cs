using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.Planning.Organisation;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>The province approves a submitted plan; Outreach and Partners are told (DistrictPlanApproved).</summary>
public sealed record ApproveDistrictPlan(long Version);

public static class ApproveDistrictPlanEndpoint
{
    public static ProblemDetails Validate(ApproveDistrictPlan command, DistrictPlan plan) =>
        DistrictPlanRules.Refusal(plan, PlanAction.Approve) ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/units/{unit}/district-plans/{id}/approve")]
    [Tags("District plans")]
    public static (IResult, Events, Announce) Post(ApproveDistrictPlan command, [WriteAggregate] DistrictPlan plan, OrganisationTree tree)
    {
        var revision = plan.Revision + 1;
        return (Results.NoContent(), [new DistrictPlanApprovedByProvince(plan.Id, revision)], new Announce(plan.ApprovedMessage(revision, tree)));
    }
}
