namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Planning, Partners: people enrolled in a scheme, attributed to what brought them in.
/// Receivers deduplicate by <paramref name="EnrolmentId"/>. Carries counts, never personal data.
/// </summary>
/// <param name="EnrolmentId">The enrolment record in Outreach (one person, or one counted group).</param>
/// <param name="Scheme">VoluntarySocialInsurance, HouseholdHealthInsurance, StudentHealthInsurance or SponsoredCard.</param>
/// <param name="Count">How many people.</param>
/// <param name="EnrolledOn">The day of enrolment.</param>
/// <param name="DistrictPlanId">The district plan it counts towards, when known.</param>
/// <param name="PlanLineCode">The plan line of the activity that brought them in, when known.</param>
/// <param name="ActivityId">The activity that brought them in, when known.</param>
/// <param name="CollectionOrganisationId">The collection-service organisation (a partner) that enrolled them, when any.</param>
/// <param name="SponsorId">The sponsor (a partner) that paid, for sponsored cards and books.</param>
[ConsumedBy(ServiceNames.Planning, ServiceNames.Partners)]
public sealed record EnrolmentsRecorded(
    Guid EnrolmentId,
    string Scheme,
    int Count,
    DateOnly EnrolledOn,
    Guid? DistrictPlanId,
    string? PlanLineCode,
    Guid? ActivityId,
    Guid? CollectionOrganisationId,
    Guid? SponsorId);
