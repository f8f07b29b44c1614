namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Planning, Partners: a logged activity was corrected; the fields carry the
/// activity's values after the correction (receivers replace what they held).
/// </summary>
/// <param name="Revision">
/// The activity's version after this correction; a receiver applies a correction only when it is
/// newer than the one it holds, so corrections handled out of order end at the newest. 0: unknown.
/// </param>
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
    IReadOnlyList<Guid> PartnerIds,
    long Revision = 0);
