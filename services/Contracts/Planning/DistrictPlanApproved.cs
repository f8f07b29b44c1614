namespace BhxhPlatform.Contracts.Planning;

/// <summary>
/// Planning → Outreach, Partners: the province approved a district's plan for a year (or an
/// amendment of it: the lines are the plan as it now stands). The district is the tenant.
/// </summary>
[ConsumedBy(ServiceNames.Outreach, ServiceNames.Partners)]
public sealed record DistrictPlanApproved(Guid DistrictPlanId, int Year, int Revision, IReadOnlyList<ApprovedPlanLine> Lines);

/// <summary>One line of an approved district plan.</summary>
/// <param name="Code">The catalogue line code (e.g. <c>3.1.01</c>).</param>
/// <param name="TargetActivities">Activities planned for the year.</param>
public sealed record ApprovedPlanLine(string Code, string AudienceCode, string FormKind, int TargetActivities);
