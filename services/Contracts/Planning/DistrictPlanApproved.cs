namespace BhxhPlatform.Contracts.Planning;

/// <summary>
/// Planning → Outreach, Partners: the province approved a district's plan for a year (or an
/// amendment of it: the lines are the plan as it now stands, and a higher <paramref name="Revision"/>
/// replaces what a receiver knew). The district is the tenant.
/// </summary>
/// <param name="CommuneIds">
/// The communes of the district when the plan was approved (ids of the organisation tree), where
/// its activities may take place; null from a producer that predates the field.
/// </param>
[ConsumedBy(ServiceNames.Outreach, ServiceNames.Partners)]
public sealed record DistrictPlanApproved(
    Guid DistrictPlanId, int Year, int Revision, IReadOnlyList<ApprovedPlanLine> Lines, IReadOnlyList<string>? CommuneIds = null);

/// <summary>One line of an approved district plan.</summary>
/// <param name="Code">The catalogue line code (e.g. <c>3.1.01</c>).</param>
/// <param name="AudienceCode">The line's audience (e.g. <c>3.1</c>).</param>
/// <param name="FormKind">The line's form of communication, a <see cref="CommunicationForm"/> name.</param>
/// <param name="TargetActivities">Activities planned for the year.</param>
public sealed record ApprovedPlanLine(string Code, string AudienceCode, string FormKind, int TargetActivities);
