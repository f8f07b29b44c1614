using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Planning.DistrictPlans;

public static class ApproveDistrictPlanAsProvinceEndpoint
{
    public static ProblemDetails Validate(ApproveDistrictPlan command, string unit, string district, OrganisationTree tree) =>
        new Check().CheckUnits(unit, district, tree).ToProblem();

    /// <summary>The province approves a district's submitted plan of a year (the province is the unit).</summary>
    [WolverinePost("/api/units/{unit}/district-plans/{district}/years/{year}/approve")]
    [Tags("District plans")]
    public static async Task<(IResult, Announce)> Post(
        ApproveDistrictPlan command, string district, int year, IDocumentSession session, OrganisationTree tree, CancellationToken cancellation)
    {
        var messages = new Announce();
        var result = await ProvinceDecision.DecideAsync(session, district, year, command.Version, PlanAction.Approve, plan =>
        {
            var revision = plan.Revision + 1;
            messages.Add(plan.ApprovedMessage(revision, tree), district);
            return new DistrictPlanApprovedByProvince(plan.Id, revision);
        }, cancellation);
        return (result, messages);
    }
}
