namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Planning, Partners: a logged activity was corrected; the fields carry the
/// activity's values after the correction (receivers replace what they held).
/// </summary>
[ConsumedBy(ServiceNames.Planning, ServiceNames.Partners)]
public sealed record ActivityCorrected(
    Guid ActivityId,
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    string FormKind,
    string? CommuneId,
    DateOnly OccurredOn,
    int PeopleReached,
    IReadOnlyList<Guid> PartnerIds);
