using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

/// <summary>Draft a plan template for a year (provincial office).</summary>
public sealed record DraftPlanTemplate(int Year, string Title);

public static class DraftPlanTemplateEndpoint
{
    public const int FirstPlanYear = 2020;
    public const int LastPlanYear = 2100;

    public static ProblemDetails Validate(DraftPlanTemplate command, string unit, OrganisationTree tree) =>
        CheckDraft(command, unit, tree).ToProblem();

    /// <summary>The checks of any draft: year, title, and the unit must be a provincial office.</summary>
    public static Check CheckDraft(DraftPlanTemplate command, string unit, OrganisationTree tree) =>
        new Check()
            .Range("year", command.Year, FirstPlanYear, LastPlanYear, "Năm kế hoạch", "Plan year")
            .Text("title", command.Title, "Tiêu đề", "Title", maxLength: 300)
            .That(tree.FindProvince(unit) is not null, "unit", "not-a-province",
                "Chỉ BHXH tỉnh mới soạn kế hoạch mẫu.", "Only a provincial office drafts plan templates.");

    [WolverinePost("/api/units/{unit}/plan-templates")]
    [Tags("Plan templates")]
    public static (CreationResponse<Guid>, IStartStream) Post(DraftPlanTemplate command, string unit)
    {
        var id = Guid.CreateVersion7();
        var drafted = new PlanTemplateDrafted(id, command.Year, command.Title.Trim());
        return (
            new CreationResponse<Guid>($"/api/units/{unit}/plan-templates/{id}", id),
            MartenOps.StartStream<PlanTemplate>(id, drafted));
    }
}
