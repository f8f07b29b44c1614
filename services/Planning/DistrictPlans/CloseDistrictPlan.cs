using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>Close an approved plan (the year is over); nothing changes it afterwards.</summary>
public sealed record CloseDistrictPlan(long Version);

public static class CloseDistrictPlanEndpoint
{
    public static ProblemDetails Validate(CloseDistrictPlan command, DistrictPlan plan) =>
        DistrictPlanRules.Refusal(plan, PlanAction.Close) ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/units/{unit}/district-plans/{id}/close")]
    [Tags("District plans")]
    public static (IResult, Events) Post(CloseDistrictPlan command, [WriteAggregate] DistrictPlan plan) =>
        (Results.NoContent(), [new DistrictPlanClosed(plan.Id)]);
}
