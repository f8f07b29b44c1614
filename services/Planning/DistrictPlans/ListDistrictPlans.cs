using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.DistrictPlans;

public sealed record DistrictPlanSummary(Guid Id, string District, int Year, DistrictPlanStatus Status, int Revision, int Version, Guid TemplateId, int TemplateVersion);

public static class ListDistrictPlansEndpoint
{
    /// <summary>The plans of a year: a district's own, or for a province those of all its districts (read across their tenants).</summary>
    [WolverineGet("/api/units/{unit}/district-plans/years/{year}/all")]
    [Tags("District plans")]
    public static async Task<IResult> Get(string unit, int year, OrganisationTree tree, IQuerySession session, CancellationToken cancellation)
    {
        var districts = tree.FindProvince(unit) is { } province
            ? province.Districts.Select(d => d.Id).ToArray()
            : tree.FindDistrict(unit) is not null ? [unit] : null;
        if (districts is null)
        {
            return Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit."));
        }

        var plans = await session.Query<DistrictPlan>().Where(p => p.TenantIsOneOf(districts) && p.Year == year).ToListAsync(cancellation);
        return Results.Ok(plans
            .OrderBy(p => p.District, StringComparer.Ordinal)
            .Select(p => new DistrictPlanSummary(p.Id, p.District, p.Year, p.Status, p.Revision, p.Version, p.TemplateId, p.TemplateVersion))
            .ToList());
    }
}
