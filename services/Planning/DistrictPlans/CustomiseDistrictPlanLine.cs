using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>Rewrite a line of the district's plan (or add one the template did not have).</summary>
public sealed record CustomiseDistrictPlanLine(long Version, PlanLineInput? Line);

public static class CustomiseDistrictPlanLineEndpoint
{
    public static ProblemDetails Validate(CustomiseDistrictPlanLine command, DistrictPlan plan, PlanCatalogue catalogue)
    {
        var check = new Check().CheckLine("line", command.Line, catalogue);
        return check.IsValid ? DistrictPlanRules.Refusal(plan, PlanAction.Customise) ?? WolverineContinue.NoProblems : check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/district-plans/{id}/lines")]
    [Tags("District plans")]
    public static (IResult, Events) Post(CustomiseDistrictPlanLine command, [WriteAggregate] DistrictPlan plan) =>
        (Results.NoContent(), [new DistrictPlanLineCustomised(plan.Id, command.Line!.ToLine())]);
}
