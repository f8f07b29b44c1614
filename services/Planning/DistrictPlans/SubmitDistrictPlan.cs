using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>The district submits its plan to the province for approval; the province's administrators are told.</summary>
public sealed record SubmitDistrictPlan(long Version);

public static class SubmitDistrictPlanEndpoint
{
    public static ProblemDetails Validate(SubmitDistrictPlan command, DistrictPlan plan) =>
        DistrictPlanRules.Refusal(plan, PlanAction.Submit)
        ?? (plan.Lines.Count == 0
            ? ProblemResults.Rejected("no-lines", "Kế hoạch chưa có dòng nào.", "The plan has no lines.")
            : WolverineContinue.NoProblems);

    [WolverinePost("/api/units/{unit}/district-plans/{id}/submit")]
    [Tags("District plans")]
    public static (IResult, Events, Announce) Post(SubmitDistrictPlan command, [WriteAggregate] DistrictPlan plan, OrganisationTree tree) =>
        (Results.NoContent(), [new DistrictPlanSubmitted(plan.Id)], PlanReminders.Submitted(plan, tree));
}
