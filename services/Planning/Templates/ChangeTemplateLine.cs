using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

/// <summary>Rewrite the template line with the same code.</summary>
public sealed record ChangeTemplateLine(long Version, PlanLineInput? Line);

public static class ChangeTemplateLineEndpoint
{
    public static ProblemDetails Validate(ChangeTemplateLine command, PlanTemplate template, PlanCatalogue catalogue)
    {
        var check = new Check().CheckLine("line", command.Line, catalogue);
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return template.HasLine(command.Line!.Code.Trim())
            ? WolverineContinue.NoProblems
            : ProblemResults.Rejected("no-such-line", "Mẫu không có dòng với mã này.", "The template has no line with this code.");
    }

    [WolverinePost("/api/units/{unit}/plan-templates/{id}/lines/change")]
    [Tags("Plan templates")]
    public static (IResult, Events) Post(ChangeTemplateLine command, [WriteAggregate] PlanTemplate template) =>
        (Results.NoContent(), [new TemplateLineChanged(template.Id, command.Line!.ToLine())]);
}
