using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.DistrictPlans;

public static class ReturnDistrictPlanAsProvinceEndpoint
{
    public static ProblemDetails Validate(ReturnDistrictPlan command, string unit, string district, OrganisationTree tree) =>
        new Check().CheckUnits(unit, district, tree).Text("reason", command.Reason, "Lý do", "Reason", 1000).ToProblem();

    /// <summary>The province returns a district's submitted plan of a year, saying why; the district's officers are told.</summary>
    [WolverinePost("/api/units/{unit}/district-plans/{district}/years/{year}/return")]
    [Tags("District plans")]
    public static async Task<(IResult, Announce)> Post(
        ReturnDistrictPlan command, string district, int year, IDocumentSession session, OrganisationTree tree, CancellationToken cancellation)
    {
        var reason = command.Reason.Trim();
        var told = Announce.Nothing;
        var result = await ProvinceDecision.DecideAsync(session, district, year, command.Version, PlanAction.Return, plan =>
        {
            told = PlanReminders.Returned(plan, reason, tree);
            return new DistrictPlanReturned(plan.Id, reason);
        }, cancellation);
        return (result, told);
    }
}
