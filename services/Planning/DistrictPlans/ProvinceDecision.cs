using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>
/// The province decides on a district's plan from its own unit: the district's stream is written
/// through <c>session.ForTenant(district)</c>, in the same transaction (and outbox) as the request.
/// </summary>
public static class ProvinceDecision
{
    public static Check CheckUnits(this Check check, string unit, string district, OrganisationTree tree) =>
        check
            .That(tree.FindProvince(unit) is not null, "unit", "not-a-province",
                "Chỉ BHXH tỉnh mới duyệt kế hoạch của đơn vị.", "Only a provincial office decides on its units' plans.")
            .That(tree.ProvinceOf(district)?.Id == unit, "district", "unknown-district",
                "Đơn vị này không thuộc tỉnh.", "This unit is not in the province.");

    /// <summary>Fetches the district's plan for writing at the expected version, refuses by the state machine, else appends.</summary>
    public static async Task<IResult> DecideAsync(
        IDocumentSession session, string district, int year, long expectedVersion, PlanAction action,
        Func<DistrictPlan, object> decide, CancellationToken cancellation)
    {
        var stream = await session.ForTenant(district).Events
            .FetchForWriting<DistrictPlan>(DeterministicId.DistrictPlan(district, year), expectedVersion, cancellation);
        if (stream.Aggregate is not { } plan)
        {
            return Results.Problem(ProblemResults.NotFound("Đơn vị chưa có kế hoạch năm này.", "The unit has no plan for this year."));
        }

        if (DistrictPlanRules.Refusal(plan, action) is { } refusal)
        {
            return Results.Problem(refusal);
        }

        stream.AppendOne(decide(plan));
        return Results.NoContent();
    }
}
