using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

public sealed record RemoveTemplateLine(long Version, string Code);

public static class RemoveTemplateLineEndpoint
{
    public static ProblemDetails Validate(RemoveTemplateLine command, PlanTemplate template)
    {
        var check = new Check().Text("code", command.Code, "Mã dòng", "Line code", PlanLineInput.MaxCodeLength);
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return template.HasLine(command.Code.Trim())
            ? WolverineContinue.NoProblems
            : ProblemResults.Rejected("no-such-line", "Mẫu không có dòng với mã này.", "The template has no line with this code.");
    }

    [WolverinePost("/api/units/{unit}/plan-templates/{id}/lines/remove")]
    [Tags("Plan templates")]
    public static (IResult, Events) Post(RemoveTemplateLine command, [WriteAggregate] PlanTemplate template) =>
        (Results.NoContent(), [new TemplateLineRemoved(template.Id, command.Code.Trim())]);
}
