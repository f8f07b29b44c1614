using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Organisation;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

/// <summary>Draft a plan template for a year with every catalogue line copied in (provincial office).</summary>
public sealed record DraftPlanTemplateFromCatalogue(int Year, string Title);

public static class DraftPlanTemplateFromCatalogueEndpoint
{
    public static ProblemDetails Validate(DraftPlanTemplateFromCatalogue command, string unit, OrganisationTree tree) =>
        DraftPlanTemplateEndpoint.CheckDraft(new DraftPlanTemplate(command.Year, command.Title), unit, tree).ToProblem();

    [WolverinePost("/api/units/{unit}/plan-templates/from-catalogue")]
    [Tags("Plan templates")]
    public static (CreationResponse<Guid>, IStartStream) Post(DraftPlanTemplateFromCatalogue command, string unit, PlanCatalogue catalogue)
    {
        var id = Guid.CreateVersion7();
        return (
            new CreationResponse<Guid>($"/api/units/{unit}/plan-templates/{id}", id),
            MartenOps.StartStream<PlanTemplate>(
                id,
                new PlanTemplateDrafted(id, command.Year, command.Title.Trim()),
                new TemplateLinesCopiedFromCatalogue(id, catalogue.Source, catalogue.Lines)));
    }
}
