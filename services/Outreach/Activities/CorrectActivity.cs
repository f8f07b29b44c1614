using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Contract = BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>Correct a logged activity: the whole activity as it should read, and why.</summary>
public sealed record CorrectActivity(long Version, string Reason, LogActivity Activity);

public static class CorrectActivityEndpoint
{
    public static Task<KnownPlans> LoadAsync(CorrectActivity command, IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        KnownPlans.LoadAsync(session, directory, command.Activity is null ? [] : [command.Activity.DistrictPlanId], cancellation);

    /// <summary>The corrected activity meets the same rules as a logged one, against the plan as it now stands.</summary>
    public static ProblemDetails Validate(CorrectActivity command, Activity activity, KnownPlans plans, TimeProvider clock)
    {
        var check = new Check()
            .Text("reason", command.Reason, "Lý do điều chỉnh", "Reason for the correction", maxLength: 1000)
            .Activity(command.Activity, "activity.")
            .FitsPlan(command.Activity, plans, clock.GetUtcNow(), "activity.");
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return activity.Voided
            ? ProblemResults.Conflict("activity-voided", "Hoạt động đã bị hủy, không thể điều chỉnh.", "The activity was voided and cannot be corrected.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/activities/{id}/corrections")]
    [Tags("Activities")]
    public static (IResult, Events, Announce) Post(CorrectActivity command, [WriteAggregate] Activity activity)
    {
        var details = command.Activity.ToDetails();
        var recorded = ActivityRules.Recorded(activity.Id, details);
        return (
            Results.Accepted(),
            [new ActivityCorrected(activity.Id, details, command.Reason.Trim())],
            new Announce(new Contract.ActivityCorrected(
                recorded.ActivityId, recorded.DistrictPlanId, recorded.PlanLineCode, recorded.AudienceCode, recorded.FormKind,
                recorded.CommuneId, recorded.OccurredOn, recorded.PeopleReached, recorded.PartnerIds,
                Revision: activity.Version + 1)));
    }
}
