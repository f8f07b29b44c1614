using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Commendations;

/// <summary>Withdraw a commendation recorded in error, for a reason.</summary>
public sealed record WithdrawCommendation(long Version, string Reason);

public static class WithdrawCommendationEndpoint
{
    public static ProblemDetails Validate(WithdrawCommendation command, Commendation commendation)
    {
        var fields = new Check().Text("reason", command.Reason, "Lý do thu hồi", "Reason", maxLength: 1000).ToProblem();
        return fields != WolverineContinue.NoProblems ? fields
            : commendation.Withdrawn ? ProblemResults.Conflict("commendation-withdrawn", "Khen thưởng đã được thu hồi.", "The commendation is already withdrawn.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/commendations/{id}/withdraw")]
    [Tags("Commendations")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(WithdrawCommendation command, [WriteAggregate] Commendation commendation) =>
        (Results.Ok(new Written(commendation.Id, commendation.Version + 1)), [new CommendationWithdrawn(commendation.Id, command.Reason.Trim())],
            new Announce(new Contracts.Partners.CommendationRevoked(commendation.Id)));
}
