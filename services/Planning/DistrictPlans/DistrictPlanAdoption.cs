using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Planning.DistrictPlans;

public enum AdoptionOutcome
{
    Adopted,
    AlreadyAdopted,
    NotADistrict,
    TemplateNotFound,
    VersionNotPublished,
}

/// <summary>Adoption of a published template version by a district, shared by the HTTP endpoint and the rollout.</summary>
public static class DistrictPlanAdoption
{
    /// <summary>
    /// Decides an adoption and, when it goes ahead, starts the plan stream in <paramref name="session"/>
    /// (the district's session). The template is read from the district's province.
    /// </summary>
    public static async Task<(AdoptionOutcome Outcome, Guid? PlanId)> AdoptAsync(
        string district, Guid templateId, int templateVersion,
        UnitTrees trees, IDocumentStore store, IDocumentSession session, CancellationToken cancellation)
    {
        if (await trees.HoldingAsync(district, cancellation) is not { } tree || tree.Find(district) is not { RunsPlans: true })
        {
            return (AdoptionOutcome.NotADistrict, null);
        }

        await using var provinceSession = store.QuerySession(tree.Province);
        var template = await provinceSession.LoadAsync<PlanTemplate>(templateId, cancellation);
        if (template is null)
        {
            return (AdoptionOutcome.TemplateNotFound, null);
        }

        if (template.FindPublished(templateVersion) is not { } published)
        {
            return (AdoptionOutcome.VersionNotPublished, null);
        }

        // A unit runs a plan for a year it existed in (a district-era office not in 2026; a grassroots office not in 2024).
        var unit = tree.Find(district)!;
        if (unit.ValidFrom > new DateOnly(template.Year, 12, 31) || unit.ValidTo < new DateOnly(template.Year, 1, 1))
        {
            return (AdoptionOutcome.NotADistrict, null);
        }

        var planId = DeterministicId.DistrictPlan(district, template.Year);
        if (await session.Events.FetchStreamStateAsync(planId, cancellation) is not null)
        {
            return (AdoptionOutcome.AlreadyAdopted, planId);
        }

        session.Events.StartStream<DistrictPlan>(
            planId, new DistrictPlanAdopted(planId, district, template.Year, templateId, templateVersion, published.Lines));
        return (AdoptionOutcome.Adopted, planId);
    }

    public static ProblemDetails Problem(AdoptionOutcome outcome) => outcome switch
    {
        AdoptionOutcome.AlreadyAdopted => ProblemResults.Conflict("plan-exists",
            "Đơn vị đã có kế hoạch cho năm này.", "The unit already has a plan for this year."),
        AdoptionOutcome.NotADistrict => ProblemResults.Rejected("not-a-district",
            "Chỉ đơn vị BHXH cơ sở (trước 1/7/2025: BHXH huyện) có hiệu lực trong năm kế hoạch mới lập kế hoạch.",
            "Only a unit that runs plans (a grassroots office; before 1 July 2025 a district office) and exists in the plan's year adopts a plan."),
        AdoptionOutcome.TemplateNotFound => ProblemResults.Rejected("template-not-found",
            "Tỉnh không có kế hoạch mẫu này.", "The province has no such template."),
        _ => ProblemResults.Rejected("version-not-published",
            "Phiên bản này của kế hoạch mẫu chưa được ban hành.", "This version of the template is not published."),
    };
}
