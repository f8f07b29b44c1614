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

/// <summary>A district reported to the province what its adoption in a rollout came to.</summary>
public sealed record DistrictAdoptionReported(Guid RolloutId, string District, AdoptionOutcome Outcome, Guid? PlanId);

/// <summary>
/// What became of one district in a rollout (province tenant): an aggregate of the district's reports
/// (a stream per rollout and district, inline snapshot; its id is <see cref="IdOf"/>), so the
/// rollout's progress is on the audit timeline and replayed by the rebuild check.
/// </summary>
public sealed record RolloutDistrictOutcome(Guid Id, Guid RolloutId, string District, AdoptionOutcome Outcome, Guid? PlanId)
{
    public static Guid IdOf(Guid rolloutId, string district) => DeterministicId.Create($"rollout-district/{rolloutId:D}/{district}");

    public static RolloutDistrictOutcome Create(DistrictAdoptionReported e) => new(IdOf(e.RolloutId, e.District), e.RolloutId, e.District, e.Outcome, e.PlanId);

    public RolloutDistrictOutcome Apply(DistrictAdoptionReported e) => this with { Outcome = e.Outcome, PlanId = e.PlanId };
}
