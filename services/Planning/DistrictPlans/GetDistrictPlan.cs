using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

public static class GetDistrictPlanEndpoint
{
    [WolverineGet("/api/units/{unit}/district-plans/{id}")]
    [Tags("District plans")]
    public static DistrictPlan Get([ReadAggregate] DistrictPlan plan) => plan;
}

public static class GetDistrictPlanOfYearEndpoint
{
    /// <summary>The district's plan of a year: its id is derived from the district and the year.</summary>
    [WolverineGet("/api/units/{unit}/district-plans/years/{year}")]
    [Tags("District plans")]
    public static async Task<IResult> Get(string unit, int year, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<DistrictPlan>(DeterministicId.DistrictPlan(unit, year), cancellation) is { } plan
            ? Results.Ok(plan)
            : Results.Problem(ProblemResults.NotFound("Đơn vị chưa có kế hoạch năm này.", "The unit has no plan for this year."));
}
