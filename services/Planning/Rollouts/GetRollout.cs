using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Rollouts;

/// <summary>One district's state in a rollout: Pending until the district reports, then the adoption outcome.</summary>
public sealed record RolloutDistrictProgress(string District, string Status, Guid? PlanId);

public sealed record RolloutProgress(Guid Id, Guid TemplateId, int TemplateVersion, int Year, int Pending, IReadOnlyList<RolloutDistrictProgress> Districts);

public static class GetRolloutEndpoint
{
    [WolverineGet("/api/units/{unit}/rollouts/{id}")]
    [Tags("Rollouts")]
    public static async Task<RolloutProgress> Get([ReadAggregate] Rollout rollout, IQuerySession session, CancellationToken cancellation)
    {
        var statuses = await session.Query<RolloutDistrictOutcome>().Where(s => s.RolloutId == rollout.Id).ToListAsync(cancellation);
        var districts = rollout.Districts
            .Select(d => statuses.FirstOrDefault(s => s.District == d) is { } s
                ? new RolloutDistrictProgress(d, s.Outcome.ToString(), s.PlanId)
                : new RolloutDistrictProgress(d, "Pending", null))
            .ToList();
        return new RolloutProgress(
            rollout.Id, rollout.TemplateId, rollout.TemplateVersion, rollout.Year, districts.Count(d => d.Status == "Pending"), districts);
    }
}
