using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Templates;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>
/// A published template a unit may adopt: its latest published version with that version's lines, and
/// the unit's plan for the template's year when it already has one.
/// </summary>
public sealed record AdoptableTemplate(Guid Id, int Year, string Title, int Version, IReadOnlyList<PlanLine> Lines, Guid? AdoptedPlanId);

public static class ListAdoptableTemplatesEndpoint
{
    /// <summary>
    /// The published templates of the unit's province, for a unit that runs plans. A unit sees only what
    /// was published to it: no draft and no other province's template (the province's template list is
    /// for its administrators).
    /// </summary>
    [WolverineGet("/api/units/{unit}/adoptable-templates")]
    [Tags("District plans")]
    public static async Task<IReadOnlyList<AdoptableTemplate>> Get(string unit, UnitTrees trees, IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        if (await trees.HoldingAsync(unit, cancellation) is not { } tree || tree.Find(unit) is not { RunsPlans: true } found)
        {
            return [];
        }

        await using var province = store.QuerySession(tree.Province);
        var templates = await province.Query<PlanTemplate>().ToListAsync(cancellation);
        var open = templates
            .Where(t => t.PublishedVersions.Count > 0)
            // A unit adopts only for a year it existed in (as DistrictPlanAdoption decides).
            .Where(t => !(found.ValidFrom > new DateOnly(t.Year, 12, 31) || found.ValidTo < new DateOnly(t.Year, 1, 1)))
            .ToList();
        var plans = new Dictionary<int, bool>();
        foreach (var year in open.Select(t => t.Year).Distinct())
        {
            plans[year] = await session.Events.FetchStreamStateAsync(DeterministicId.DistrictPlan(unit, year), cancellation) is not null;
        }

        return open
            .OrderByDescending(t => t.Year)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t =>
            {
                var latest = t.PublishedVersions.MaxBy(v => v.Number)!;
                return new AdoptableTemplate(t.Id, t.Year, t.Title, latest.Number, latest.Lines,
                    plans[t.Year] ? DeterministicId.DistrictPlan(unit, t.Year) : null);
            })
            .ToList();
    }
}
