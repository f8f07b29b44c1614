using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>End a signed agreement early, for a reason (on <see cref="TerminatedOn"/>, today when absent).</summary>
public sealed record TerminateAgreement(long Version, string Reason, DateOnly? TerminatedOn);

public static class TerminateAgreementEndpoint
{
    public static ProblemDetails Validate(TerminateAgreement command, Agreement agreement, TimeProvider clock)
    {
        var problem = new Check()
            .Day("terminatedOn", command.TerminatedOn, "Ngày chấm dứt", "The termination date")
            .Text("reason", command.Reason, "Lý do chấm dứt", "Reason", maxLength: 1000)
            .That(command.TerminatedOn is null || command.TerminatedOn <= AgreementSchedule.Today(clock), "terminatedOn", "in-future",
                "Ngày chấm dứt không được sau hôm nay.", "The termination date cannot be in the future.")
            .ToProblem();
        if (problem != WolverineContinue.NoProblems)
        {
            return problem;
        }

        return agreement.Status == AgreementStatus.Signed
            ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("agreement-not-signed", "Chỉ chấm dứt được thỏa thuận đã ký và còn hiệu lực.",
                "Only a signed agreement in force can be terminated.");
    }

    [WolverinePost("/api/units/{unit}/agreements/{id}/terminate")]
    [Tags("Agreements")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(TerminateAgreement command, [WriteAggregate] Agreement agreement, TimeProvider clock)
    {
        var terminated = new AgreementTerminated(agreement.Id, command.Reason.Trim(), command.TerminatedOn ?? AgreementSchedule.Today(clock));
        return (Results.Ok(new Written(agreement.Id, agreement.Version + 1)), [terminated],
            new Announce(new AgreementEnded(agreement.Id, nameof(AgreementStatus.Terminated), terminated.TerminatedOn)));
    }
}
