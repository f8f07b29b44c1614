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
    public static async Task<ProblemDetails> ValidateAsync(AdoptTemplate command, string unit, UnitTrees trees, CancellationToken cancellation)
    {
        var tree = await trees.HoldingAsync(unit, cancellation);
        return new Check()
            .That(command.TemplateId != Guid.Empty, "templateId", "required", "Kế hoạch mẫu không được để trống.", "The template is required.")
            .Range("templateVersion", command.TemplateVersion, 1, 10_000, "Phiên bản", "Template version")
            .That(tree?.Find(unit) is { RunsPlans: true }, "unit", "not-a-district",
                "Chỉ đơn vị BHXH cơ sở (trước 1/7/2025: BHXH huyện) mới lập kế hoạch.",
                "Only a unit that runs plans (a grassroots office; before 1 July 2025 a district office) adopts a plan.")
            .ToProblem();
    }

    [WolverinePost("/api/units/{unit}/district-plans")]
    [Tags("District plans")]
    public static async Task<IResult> Post(
        AdoptTemplate command, string unit, UnitTrees trees, IDocumentStore store, IDocumentSession session, CancellationToken cancellation)
    {
        var (outcome, planId) = await DistrictPlanAdoption.AdoptAsync(unit, command.TemplateId, command.TemplateVersion, trees, store, session, cancellation);
        if (outcome != AdoptionOutcome.Adopted)
        {
            return Results.Problem(DistrictPlanAdoption.Problem(outcome));
        }

        var url = $"/api/units/{unit}/district-plans/{planId}";
        return Results.Created(url, new CreationResponse<Guid>(url, planId!.Value));
    }
}
