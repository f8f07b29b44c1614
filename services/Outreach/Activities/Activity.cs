using BhxhPlatform.Contracts;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>An officer or collection agent logged a communication activity against a district plan line.</summary>
public sealed record ActivityLogged(
    Guid ActivityId,
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string> TeamMembers,
    IReadOnlyList<Guid> PartnerIds);

/// <summary>One communication activity, as logged and later corrected or voided.</summary>
public sealed record Activity(
    Guid Id,
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string> TeamMembers,
    IReadOnlyList<Guid> PartnerIds)
{
    public static Activity Create(ActivityLogged logged) => new(
        logged.ActivityId,
        logged.DistrictPlanId,
        logged.PlanLineCode,
        logged.AudienceCode,
        logged.Form,
        logged.CommuneId,
        logged.StartedAt,
        logged.EndedAt,
        logged.PeopleReached,
        logged.Summary,
        logged.TeamMembers,
        logged.PartnerIds);
}
