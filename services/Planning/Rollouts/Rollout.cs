using BhxhPlatform.Planning.DistrictPlans;

namespace BhxhPlatform.Planning.Rollouts;

/// <summary>The province started rolling a published template version out to its districts.</summary>
public sealed record RolloutStarted(Guid RolloutId, Guid TemplateId, int TemplateVersion, int Year, IReadOnlyList<string> Districts);

/// <summary>A later run of the same rollout named districts the first did not.</summary>
public sealed record RolloutDistrictsAdded(Guid RolloutId, IReadOnlyList<string> Districts);

/// <summary>One rollout of a template version (province tenant). Its id derives from province, template and version.</summary>
public sealed record Rollout(Guid Id, Guid TemplateId, int TemplateVersion, int Year, IReadOnlyList<string> Districts, int Version)
{
    public static Rollout Create(RolloutStarted e) => new(e.RolloutId, e.TemplateId, e.TemplateVersion, e.Year, e.Districts, 1);

    public Rollout Apply(RolloutDistrictsAdded e) => this with { Districts = [.. Districts, .. e.Districts], Version = Version + 1 };
}

/// <summary>What became of one district in a rollout (province tenant), keyed by <c>{rolloutId}/{district}</c>.</summary>
public sealed record RolloutDistrictStatus(string Id, Guid RolloutId, string District, AdoptionOutcome Outcome, Guid? PlanId)
{
    public static string KeyOf(Guid rolloutId, string district) => $"{rolloutId:D}/{district}";
}
