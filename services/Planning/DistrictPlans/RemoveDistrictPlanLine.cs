using BhxhPlatform.Planning.Progress;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>Take a line out of the district's plan (a line the unit will not run this year).</summary>
public sealed record RemoveDistrictPlanLine(long Version, string? Code);

public static class RemoveDistrictPlanLineEndpoint
{
    /// <summary>
    /// Only while the plan is being written (draft, returned, amending), only a line the plan has, and never a
    /// line with activities logged against it: those activities would count for nothing.
    /// </summary>
    public static async Task<ProblemDetails> ValidateAsync(
        RemoveDistrictPlanLine command, DistrictPlan plan, IQuerySession session, CancellationToken cancellation)
    {
        var check = new Check().Text("code", command.Code, "Mã dòng", "Line code", PlanLineInput.MaxCodeLength);
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        if (DistrictPlanRules.Refusal(plan, PlanAction.Customise) is { } refusal)
        {
            return refusal;
        }

        var code = command.Code!.Trim();
        if (!plan.HasLine(code))
        {
            return ProblemResults.Rejected("no-such-line", "Kế hoạch không có dòng với mã này.", "The plan has no line with this code.");
        }

        if (plan.Lines.Count == 1)
        {
            return ProblemResults.Conflict("last-line", "Kế hoạch phải còn ít nhất một dòng.", "A plan keeps at least one line.");
        }

        var logged = await session.Query<LoggedActivity>()
            .AnyAsync(a => a.DistrictPlanId == plan.Id && a.PlanLineCode == code && !a.Voided, cancellation);
        return logged
            ? ProblemResults.Conflict("line-has-activities",
                "Đã có hoạt động được ghi nhận theo dòng này; không thể bỏ dòng.",
                "Activities are logged against this line; it cannot be removed.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/district-plans/{id}/lines/remove")]
    [Tags("District plans")]
    public static (IResult, Events) Post(RemoveDistrictPlanLine command, [WriteAggregate] DistrictPlan plan) =>
        (Results.NoContent(), [new DistrictPlanLineRemoved(plan.Id, command.Code!.Trim())]);
}
