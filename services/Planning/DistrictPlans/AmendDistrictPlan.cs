using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>Open an amendment of an approved plan; it is edited, submitted and approved again.</summary>
public sealed record AmendDistrictPlan(long Version, string Reason);

public static class AmendDistrictPlanEndpoint
{
    public static ProblemDetails Validate(AmendDistrictPlan command, DistrictPlan plan)
    {
        var check = new Check().Text("reason", command.Reason, "Lý do", "Reason", 1000);
        return check.IsValid ? DistrictPlanRules.Refusal(plan, PlanAction.Amend) ?? WolverineContinue.NoProblems : check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/district-plans/{id}/amend")]
    [Tags("District plans")]
    public static (IResult, Events) Post(AmendDistrictPlan command, [WriteAggregate] DistrictPlan plan) =>
        (Results.NoContent(), [new DistrictPlanAmendmentOpened(plan.Id, command.Reason.Trim())]);
}
