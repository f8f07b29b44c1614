using BhxhPlatform.Contracts.Outreach;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Planning's copy of an activity Outreach logged, keyed by the activity id.</summary>
public sealed record LoggedActivity(
    Guid Id,
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    string FormKind,
    string? CommuneId,
    DateOnly OccurredOn,
    int PeopleReached);

public static class ActivityRecordedHandler
{
    /// <summary>Storing by the activity id makes a repeated message change nothing.</summary>
    public static void Handle(ActivityRecorded message, IDocumentSession session) =>
        session.Store(new LoggedActivity(
            message.ActivityId,
            message.DistrictPlanId,
            message.PlanLineCode,
            message.AudienceCode,
            message.FormKind,
            message.CommuneId,
            message.OccurredOn,
            message.PeopleReached));
}

/// <summary>Activities logged per plan line in one organisation unit.</summary>
public sealed record LineActivityCount(string PlanLineCode, int Activities, int PeopleReached);

public static class GetLoggedActivitiesEndpoint
{
    [WolverineGet("/api/units/{unit}/progress/lines")]
    [Tags("Progress")]
    public static async Task<IReadOnlyList<LineActivityCount>> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        var activities = await session.Query<LoggedActivity>().ToListAsync(cancellation);
        return activities
            .GroupBy(a => a.PlanLineCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LineActivityCount(g.Key, g.Count(), g.Sum(a => a.PeopleReached)))
            .ToList();
    }
}
