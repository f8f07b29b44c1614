using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;

namespace BhxhPlatform.Planning.Rollouts;

/// <summary>Roll a published template version out to districts of the province (all of them when none are named).</summary>
public sealed record StartRollout(Guid TemplateId, int TemplateVersion, IReadOnlyList<string>? Districts);

/// <summary>Sent to each district (as its tenant): adopt the template version, in the district's own transaction.</summary>
public sealed record AdoptTemplateForRollout(Guid RolloutId, string Province, Guid TemplateId, int TemplateVersion);

public static class StartRolloutEndpoint
{
    public static ProblemDetails Validate(StartRollout command, string unit, OrganisationTree tree)
    {
        var province = tree.FindProvince(unit);
        var check = new Check()
            .That(province is not null, "unit", "not-a-province", "Chỉ BHXH tỉnh mới triển khai kế hoạch mẫu.", "Only a provincial office rolls out a template.")
            .That(command.TemplateId != Guid.Empty, "templateId", "required", "Kế hoạch mẫu không được để trống.", "The template is required.")
            .Range("templateVersion", command.TemplateVersion, 1, 10_000, "Phiên bản", "Template version")
            .That(command.Districts is not { Count: 0 }, "districts", "empty", "Danh sách huyện trống.", "The district list is empty.");
        var districts = command.Districts ?? [];
        for (var i = 0; i < districts.Count; i++)
        {
            check.That(province is null || province.Districts.Any(d => d.Id == districts[i]), $"districts[{i}]", "unknown-district",
                "Huyện này không thuộc tỉnh.", "This district is not in the province.");
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/rollouts")]
    [Tags("Rollouts")]
    public static async Task<(IResult, OutgoingMessages)> Post(
        StartRollout command, string unit, OrganisationTree tree, IDocumentSession session, CancellationToken cancellation)
    {
        var messages = new OutgoingMessages();
        var template = await session.LoadAsync<PlanTemplate>(command.TemplateId, cancellation);
        if (template is null)
        {
            return (Results.Problem(DistrictPlanAdoption.Problem(AdoptionOutcome.TemplateNotFound)), messages);
        }

        if (template.FindPublished(command.TemplateVersion) is null)
        {
            return (Results.Problem(DistrictPlanAdoption.Problem(AdoptionOutcome.VersionNotPublished)), messages);
        }

        var districts = (command.Districts ?? tree.FindProvince(unit)!.Districts.Select(d => d.Id).ToList()).Distinct().ToList();
        var id = DeterministicId.Rollout(unit, command.TemplateId, command.TemplateVersion);
        var existing = await session.LoadAsync<Rollout>(id, cancellation);
        if (existing is null)
        {
            session.Events.StartStream<Rollout>(id, new RolloutStarted(id, command.TemplateId, command.TemplateVersion, template.Year, districts));
        }
        else if (districts.Except(existing.Districts).ToList() is { Count: > 0 } added)
        {
            session.Events.Append(id, existing.Version + 1, new RolloutDistrictsAdded(id, added));
        }

        // Adoption is idempotent per district and year, so a repeated run re-sends harmlessly.
        foreach (var district in districts)
        {
            messages.Add(new AdoptTemplateForRollout(id, unit, command.TemplateId, command.TemplateVersion), new DeliveryOptions { TenantId = district });
        }

        var url = $"/api/units/{unit}/rollouts/{id}";
        return (Results.Accepted(url, new CreationResponse<Guid>(url, id)), messages);
    }
}
