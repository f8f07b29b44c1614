namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Planning, Partners: a communication activity was logged against a district plan
/// line. The tenant (district) travels on the envelope. Carries no personal data.
/// </summary>
/// <param name="ActivityId">The activity stream id in Outreach; receivers deduplicate by it.</param>
/// <param name="DistrictPlanId">The district plan the activity counts towards.</param>
/// <param name="PlanLineCode">The catalogue line code (e.g. <c>3.1.01</c>).</param>
/// <param name="AudienceCode">The audience code of the line (e.g. <c>3.1</c>).</param>
/// <param name="FormKind">The form of communication (e.g. <c>DirectContact</c>).</param>
/// <param name="CommuneId">The commune where it took place, when it took place in one.</param>
/// <param name="OccurredOn">The day it started, in local (Vietnam) time.</param>
/// <param name="PeopleReached">How many people it reached.</param>
/// <param name="PartnerIds">Partner organisations that co-ran it.</param>
[ConsumedBy(ServiceNames.Planning, ServiceNames.Partners)]
public sealed record ActivityRecorded(
    Guid ActivityId,
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    string FormKind,
    string? CommuneId,
    DateOnly OccurredOn,
    int PeopleReached,
    IReadOnlyList<Guid> PartnerIds);
