using JasperFx.Events;

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
/// <param name="CoverageEndsOn">
/// The last day the health-insurance card bought is valid ("Hạn thẻ đến ngày"), when it is a card: the collection
/// agent is reminded 30 days before, and the card is on the unit's renewal list from then on.
/// </param>
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
    string? ImportRowKey,
    DateOnly? CoverageEndsOn = null);

/// <summary>One enrolment record.</summary>
/// <param name="RecordedBy">Who recorded it (the event's user name): the collection agent who enrolled them, or the officer who imported the list.</param>
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
    string? ImportRowKey,
    DateOnly? CoverageEndsOn = null,
    string? RecordedBy = null)
{
    public static Enrolment Create(IEvent<EnrolmentRecorded> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var e = recorded.Data;
        return new(
            e.EnrolmentId, e.Scheme, e.Count, e.EnrolledOn, e.ProspectId, e.ActivityId, e.DistrictPlanId, e.PlanLineCode,
            e.CollectionOrganisationId, e.SponsorId, e.ImportRowKey, e.CoverageEndsOn, recorded.UserName);
    }

    /// <summary>The schemes whose enrolment buys a health-insurance card with a validity period.</summary>
    public static bool IsCard(EnrolmentScheme scheme) => scheme is EnrolmentScheme.HouseholdHealthInsurance or EnrolmentScheme.StudentHealthInsurance or EnrolmentScheme.SponsoredCard;

    /// <summary>The integration view: scheme, count and attribution; never the person.</summary>
    public static Contracts.Outreach.EnrolmentsRecorded Announce(EnrolmentRecorded e) => new(
        e.EnrolmentId, e.Scheme.ToString(), e.Count, e.EnrolledOn, e.DistrictPlanId, e.PlanLineCode, e.ActivityId,
        e.CollectionOrganisationId, e.SponsorId);
}
