using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>A district adopts a published version of its province's template: its plan for the template's year.</summary>
public sealed record AdoptTemplate(Guid TemplateId, int TemplateVersion);

public static class AdoptTemplateEndpoint
{
    public static ProblemDetails Validate(AdoptTemplate command, string unit, OrganisationTree tree) =>
        new Check()
            .That(command.TemplateId != Guid.Empty, "templateId", "required", "Kế hoạch mẫu không được để trống.", "The template is required.")
            .Range("templateVersion", command.TemplateVersion, 1, 10_000, "Phiên bản", "Template version")
            .That(tree.FindDistrict(unit) is not null, "unit", "not-a-district",
                "Chỉ BHXH huyện mới lập kế hoạch huyện.", "Only a district office adopts a district plan.")
            .ToProblem();

    [WolverinePost("/api/units/{unit}/district-plans")]
    [Tags("District plans")]
    public static async Task<IResult> Post(
        AdoptTemplate command, string unit, OrganisationTree tree, IDocumentStore store, IDocumentSession session, CancellationToken cancellation)
    {
        var (outcome, planId) = await DistrictPlanAdoption.AdoptAsync(unit, command.TemplateId, command.TemplateVersion, tree, store, session, cancellation);
        if (outcome != AdoptionOutcome.Adopted)
        {
            return Results.Problem(DistrictPlanAdoption.Problem(outcome));
        }

        var url = $"/api/units/{unit}/district-plans/{planId}";
        return Results.Created(url, new CreationResponse<Guid>(url, planId!.Value));
    }
}
