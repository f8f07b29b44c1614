using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>
/// Log many activities in one request (an offline sync from the field): all or nothing. Each
/// activity becomes its own stream; the batch is announced as one <see cref="ActivitiesRecorded"/>
/// message (one queue row per consumer, handled there in one transaction), all in one transaction.
/// </summary>
public sealed record LogActivityBatch(IReadOnlyList<LogActivity>? Activities)
{
    public const int MaxActivities = 200;
}

/// <summary>The ids of the activities logged, in the order they were sent.</summary>
public sealed record LoggedActivityBatch(IReadOnlyList<Guid> Ids);

public static class LogActivityBatchEndpoint
{
    public static Task<KnownPlans> LoadAsync(LogActivityBatch command, IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        KnownPlans.LoadAsync(
            session, directory, (command.Activities ?? []).Take(LogActivityBatch.MaxActivities).Where(a => a is not null).Select(a => a.DistrictPlanId), cancellation);

    public static ProblemDetails Validate(LogActivityBatch command, KnownPlans plans, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var check = new Check();
        var activities = command.Activities ?? [];
        check
            .That(activities.Count > 0, "activities", "required", "Phải có ít nhất một hoạt động.", "At least one activity is required.")
            .That(activities.Count <= LogActivityBatch.MaxActivities, "activities", "too-many",
                $"Tối đa {LogActivityBatch.MaxActivities} hoạt động mỗi lần gửi.", $"At most {LogActivityBatch.MaxActivities} activities per request.");
        if (activities.Count > LogActivityBatch.MaxActivities)
        {
            return check.ToProblem();
        }

        for (var i = 0; i < activities.Count; i++)
        {
            check.Activity(activities[i], $"activities[{i}].").FitsPlan(activities[i], plans, now, $"activities[{i}].");
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/activities/batch")]
    [Tags("Activities")]
    public static (LoggedActivityBatch, Announce) Post(LogActivityBatch command, IDocumentSession session)
    {
        var ids = new List<Guid>(command.Activities!.Count);
        var recorded = new List<ActivityRecorded>(command.Activities.Count);
        foreach (var activity in command.Activities!)
        {
            var id = Guid.CreateVersion7();
            var details = activity.ToDetails();
            session.Events.StartStream<Activity>(id, new ActivityLogged(id, details));
            recorded.Add(ActivityRules.Recorded(id, details));
            ids.Add(id);
        }

        return (new LoggedActivityBatch(ids), new Announce(new ActivitiesRecorded(recorded)));
    }
}
