using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

/// <summary>Add a line to a template; <see cref="Version"/> is the template version the editor saw.</summary>
public sealed record AddTemplateLine(long Version, PlanLineInput? Line);

public static class AddTemplateLineEndpoint
{
    public static ProblemDetails Validate(AddTemplateLine command, PlanTemplate template, PlanCatalogue catalogue)
    {
        var check = new Check().CheckLine("line", command.Line, catalogue);
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return template.HasLine(command.Line!.Code.Trim())
            ? ProblemResults.Conflict("line-exists", "Mẫu đã có dòng với mã này.", "The template already has a line with this code.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/plan-templates/{id}/lines")]
    [Tags("Plan templates")]
    public static (IResult, Events) Post(AddTemplateLine command, [WriteAggregate] PlanTemplate template) =>
        (Results.NoContent(), [new TemplateLineAdded(template.Id, command.Line!.ToLine())]);
}
