using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

/// <summary>Record that a collaborator left (on <see cref="LeftOn"/>, today when absent), for a reason.</summary>
public sealed record LeaveCollaborator(long Version, DateOnly? LeftOn, string Reason);

public static class LeaveCollaboratorEndpoint
{
    public static ProblemDetails Validate(LeaveCollaborator command, Collaborator collaborator, TimeProvider clock) =>
        new Check()
            .Day("leftOn", command.LeftOn, "Ngày thôi tham gia", "The day they left")
            .Reason(command.Reason)
            .That(command.LeftOn is null || command.LeftOn <= AgreementSchedule.Today(clock), "leftOn", "in-future",
                "Ngày nghỉ không được sau hôm nay.", "The leaving date cannot be in the future.")
            .That(command.LeftOn is null || command.LeftOn >= collaborator.EnlistedOn, "leftOn", "before-enlisted",
                "Ngày nghỉ không được trước ngày bắt đầu.", "The leaving date cannot be before the enlistment.")
            .ToProblem()
            .Then(() => CollaboratorRules.StillWorking(collaborator));

    [WolverinePost("/api/units/{unit}/collaborators/{id}/leave")]
    [Tags("Collaborators")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(LeaveCollaborator command, [WriteAggregate] Collaborator collaborator, TimeProvider clock) =>
        (Results.Ok(new Written(collaborator.Id, collaborator.Version + 1)),
            [new CollaboratorLeft(collaborator.Id, command.LeftOn ?? AgreementSchedule.Today(clock), command.Reason.Trim())]);
}
