using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Contract = BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>Void a logged activity (logged by mistake, or never took place); it stays in the history.</summary>
public sealed record VoidActivity(long Version, string Reason);

public static class VoidActivityEndpoint
{
    public static ProblemDetails Validate(VoidActivity command, Activity activity)
    {
        var check = new Check().Text("reason", command.Reason, "Lý do hủy", "Reason for voiding", maxLength: 1000);
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return activity.Voided
            ? ProblemResults.Conflict("activity-voided", "Hoạt động đã bị hủy trước đó.", "The activity was already voided.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/activities/{id}/void")]
    [Tags("Activities")]
    public static (IResult, Events, Announce) Post(VoidActivity command, [WriteAggregate] Activity activity)
    {
        var reason = command.Reason.Trim();
        return (Results.Accepted(), [new ActivityVoided(activity.Id, reason)], new Announce(new Contract.ActivityVoided(activity.Id, reason)));
    }
}
