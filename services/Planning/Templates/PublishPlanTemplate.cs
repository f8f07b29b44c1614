using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

/// <summary>Publish the template's lines as they stand as the next numbered version.</summary>
public sealed record PublishPlanTemplate(long Version);

public sealed record TemplatePublishedResponse(Guid TemplateId, int PublishedVersion);

public static class PublishPlanTemplateEndpoint
{
    /// <summary>The refusal of a publish, or null when it may go ahead (pure, for tests).</summary>
    public static ProblemDetails? Refusal(PlanTemplate template) =>
        template.Lines.Count == 0
            ? ProblemResults.Rejected("no-lines", "Mẫu chưa có dòng nào.", "The template has no lines.")
            : template.Status == PlanTemplateStatus.Published
                ? ProblemResults.Conflict("nothing-to-publish", "Không có thay đổi nào kể từ phiên bản trước.", "Nothing changed since the last published version.")
                : null;

    public static ProblemDetails Validate(PublishPlanTemplate command, PlanTemplate template) =>
        Refusal(template) ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/units/{unit}/plan-templates/{id}/publish")]
    [Tags("Plan templates")]
    public static (TemplatePublishedResponse, Events) Post(PublishPlanTemplate command, [WriteAggregate] PlanTemplate template)
    {
        var number = template.PublishedVersions.Count + 1;
        return (new TemplatePublishedResponse(template.Id, number), [new PlanTemplatePublished(template.Id, number, template.Lines)]);
    }
}
