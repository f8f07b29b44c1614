using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.DistrictPlans;

public static class ReturnDistrictPlanAsProvinceEndpoint
{
    public static ProblemDetails Validate(ReturnDistrictPlan command, string unit, string district, OrganisationTree tree) =>
        new Check().CheckUnits(unit, district, tree).Text("reason", command.Reason, "Lý do", "Reason", 1000).ToProblem();

    /// <summary>The province returns a district's submitted plan of a year, saying why.</summary>
    [WolverinePost("/api/units/{unit}/district-plans/{district}/years/{year}/return")]
    [Tags("District plans")]
    public static Task<IResult> Post(ReturnDistrictPlan command, string district, int year, IDocumentSession session, CancellationToken cancellation) =>
        ProvinceDecision.DecideAsync(session, district, year, command.Version, PlanAction.Return,
            plan => new DistrictPlanReturned(plan.Id, command.Reason.Trim()), cancellation);
}
