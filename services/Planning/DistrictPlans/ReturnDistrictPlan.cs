using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>The province returns a submitted plan to the district, saying why; the district's officers are told.</summary>
public sealed record ReturnDistrictPlan(long Version, string Reason);

public static class ReturnDistrictPlanEndpoint
{
    public static ProblemDetails Validate(ReturnDistrictPlan command, DistrictPlan plan)
    {
        var check = new Check().Text("reason", command.Reason, "Lý do", "Reason", 1000);
        return check.IsValid ? DistrictPlanRules.Refusal(plan, PlanAction.Return) ?? WolverineContinue.NoProblems : check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/district-plans/{id}/return")]
    [Tags("District plans")]
    public static (IResult, Events, Announce) Post(ReturnDistrictPlan command, [WriteAggregate] DistrictPlan plan, OrganisationTree tree) =>
        (Results.NoContent(), [new DistrictPlanReturned(plan.Id, command.Reason.Trim())], PlanReminders.Returned(plan, command.Reason.Trim(), tree));
}
