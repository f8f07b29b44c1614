namespace BhxhPlatform.Outreach.Enrolments;

/// <summary>The schemes people enrol in.</summary>
public enum EnrolmentScheme
{
    VoluntarySocialInsurance,
    HouseholdHealthInsurance,
    StudentHealthInsurance,

    /// <summary>An insurance card or book a sponsor paid for a poor or near-poor person.</summary>
    SponsoredCard,
}

/// <summary>
/// People enrolled in a scheme: one person (a prospect) or a counted group, attributed to the
/// activity, the collection-service organisation and the sponsor that brought them in.
/// </summary>
/// <param name="ImportRowKey">For rows imported from a list: the organisation's row id, or a hash of the row.</param>
public sealed record EnrolmentRecorded(
    Guid EnrolmentId,
    EnrolmentScheme Scheme,
    int Count,
    DateOnly EnrolledOn,
    Guid? ProspectId,
    Guid? ActivityId,
    Guid? DistrictPlanId,
    string? PlanLineCode,
    Guid? CollectionOrganisationId,
    Guid? SponsorId,
    string? ImportRowKey);

/// <summary>One enrolment record.</summary>
public sealed record Enrolment(
    Guid Id,
    EnrolmentScheme Scheme,
    int Count,
    DateOnly EnrolledOn,
    Guid? ProspectId,
    Guid? ActivityId,
    Guid? DistrictPlanId,
    string? PlanLineCode,
    Guid? CollectionOrganisationId,
    Guid? SponsorId,
    string? ImportRowKey)
{
    public static Enrolment Create(EnrolmentRecorded e) => new(
        e.EnrolmentId, e.Scheme, e.Count, e.EnrolledOn, e.ProspectId, e.ActivityId, e.DistrictPlanId, e.PlanLineCode,
        e.CollectionOrganisationId, e.SponsorId, e.ImportRowKey);

    /// <summary>The integration view: scheme, count and attribution; never the person.</summary>
    public static Contracts.Outreach.EnrolmentsRecorded Announce(EnrolmentRecorded e) => new(
        e.EnrolmentId, e.Scheme.ToString(), e.Count, e.EnrolledOn, e.DistrictPlanId, e.PlanLineCode, e.ActivityId,
        e.CollectionOrganisationId, e.SponsorId);
}
