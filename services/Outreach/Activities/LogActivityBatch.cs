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
    public static async Task<(KnownPlans, StoredBefore)> LoadAsync(
        LogActivityBatch command, string unit, HttpContext http, IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation)
    {
        var activities = (command.Activities ?? []).Take(LogActivityBatch.MaxActivities).ToList();
        return (
            await KnownPlans.LoadAsync(session, directory, activities.Where(a => a is not null).Select(a => a.DistrictPlanId), cancellation),
            await StoredBefore.LoadAsync(activities, unit, http, session, cancellation));
    }

    public static ProblemDetails Validate(LogActivityBatch command, KnownPlans plans, StoredBefore before, TimeProvider clock)
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

        foreach (var problem in before.Problems)
        {
            check.Add(problem);
        }

        for (var i = 0; i < activities.Count; i++)
        {
            var prefix = $"activities[{i}].";
            if (before.WasStored(before.Ids[i]))
            {
                // Stored by an earlier send of this batch: only the same activity may come again.
                if (activities[i] is not { } again || !before.Matches(before.Ids[i]!.Value, again))
                {
                    check.Add(StoredBefore.Reused(prefix + "commandId"));
                }

                continue;
            }

            check.Activity(activities[i], prefix).FitsPlan(activities[i], plans, now, prefix);
        }

        return check.ToProblem();
    }

    /// <summary>
    /// Stores the activities an earlier send did not store; answers every id, in order. A batch sent
    /// again after a lost answer stores nothing more and announces nothing more.
    /// </summary>
    [WolverinePost("/api/units/{unit}/activities/batch")]
    [Tags("Activities")]
    public static (LoggedActivityBatch, Announce) Post(LogActivityBatch command, StoredBefore before, IDocumentSession session)
    {
        var ids = new List<Guid>(command.Activities!.Count);
        var recorded = new List<ActivityRecorded>(command.Activities.Count);
        for (var i = 0; i < command.Activities.Count; i++)
        {
            var id = before.Ids[i] ?? Guid.CreateVersion7();
            ids.Add(id);
            if (before.WasStored(id))
            {
                continue;
            }

            var details = command.Activities[i].ToDetails();
            session.Events.StartStream<Activity>(id, new ActivityLogged(id, details));
            recorded.Add(ActivityRules.Recorded(id, details));
        }

        return (new LoggedActivityBatch(ids), recorded.Count == 0 ? Announce.Nothing : new Announce(new ActivitiesRecorded(recorded)));
    }
}
