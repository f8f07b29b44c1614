using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;

namespace BhxhPlatform.Planning.Rollouts;

/// <summary>
/// Roll a published template version out to the province's units that run plans on the rollout's day (district-era
/// offices before 1 July 2025, grassroots offices after, as the unit tree says), or to the ones named.
/// The field keeps its name <c>districts</c> for existing callers; it lists units of whatever kind runs plans.
/// </summary>
public sealed record StartRollout(Guid TemplateId, int TemplateVersion, IReadOnlyList<string>? Districts);

/// <summary>Sent to each unit (as its tenant): adopt the template version, in the unit's own transaction.</summary>
public sealed record AdoptTemplateForRollout(Guid RolloutId, string Province, Guid TemplateId, int TemplateVersion);

public static class StartRolloutEndpoint
{
    /// <summary>The most units one rollout may name (the country has about 350 grassroots offices).</summary>
    public const int MaxUnits = 1000;

    /// <summary>The rollout's day: today in Vietnam, by the service's clock.</summary>
    public static DateOnly DayOf(TimeProvider clock) => VietnamTime.Today(clock);

    public static async Task<ProblemDetails> ValidateAsync(
        StartRollout command, string unit, UnitTrees trees, TimeProvider clock, CancellationToken cancellation)
    {
        var tree = await trees.OfProvinceAsync(unit, cancellation);
        var day = DayOf(clock);
        var check = new Check()
            .That(tree is not null, "unit", "not-a-province", "Chỉ BHXH tỉnh mới triển khai kế hoạch mẫu.", "Only a provincial office rolls out a template.")
            .That(command.TemplateId != Guid.Empty, "templateId", "required", "Kế hoạch mẫu không được để trống.", "The template is required.")
            .Range("templateVersion", command.TemplateVersion, 1, 10_000, "Phiên bản", "Template version")
            .That(command.Districts is not { Count: 0 }, "districts", "empty", "Danh sách đơn vị trống.", "The unit list is empty.");
        var named = command.Districts ?? [];
        check.That(named.Count <= MaxUnits, "districts", "too-many", $"Tối đa {MaxUnits} đơn vị.", $"At most {MaxUnits} units.");
        var planning = tree?.PlanningUnitsOn(day).Select(u => u.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        for (var i = 0; i < named.Count; i++)
        {
            check.Text($"districts[{i}]", named[i], "Mã đơn vị", "Unit id", maxLength: 100);
            check.That(tree is null || planning.Contains(named[i]), $"districts[{i}]", "unknown-district",
                $"Đơn vị này không thuộc tỉnh hoặc không lập kế hoạch vào ngày {day:yyyy-MM-dd}.",
                $"This unit is not one of the province's units that run plans on {day:yyyy-MM-dd}.");
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/rollouts")]
    [Tags("Rollouts")]
    public static async Task<(IResult, OutgoingMessages)> Post(
        StartRollout command, string unit, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
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

        var tree = await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation);
        var districts = (command.Districts ?? tree!.PlanningUnitsOn(DayOf(clock)).Select(u => u.Id).ToList()).Distinct().ToList();
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

        // Adoption is idempotent per unit and year, so a repeated run re-sends harmlessly.
        foreach (var district in districts)
        {
            messages.Add(new AdoptTemplateForRollout(id, unit, command.TemplateId, command.TemplateVersion), new DeliveryOptions { TenantId = district });
        }

        var url = $"/api/units/{unit}/rollouts/{id}";
        return (Results.Accepted(url, new CreationResponse<Guid>(url, id)), messages);
    }
}
