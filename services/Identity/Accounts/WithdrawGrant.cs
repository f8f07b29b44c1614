using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>Withdraw one of an account's grants, with the reason: from now on no new token carries it.</summary>
public sealed record WithdrawGrant(long Version, string? Reason);

public static class WithdrawGrantEndpoint
{
    public static ProblemDetails Validate(WithdrawGrant command, Account account, Guid grantId) =>
        new Check().Reason("reason", command.Reason).ToProblem()
            .Then(() => account.Grants.Any(g => g.GrantId == grantId)
                ? WolverineContinue.NoProblems
                : ProblemResults.NotFound("Tài khoản không có quyền này.", "The account holds no such grant."));

    [WolverinePost("/api/units/{unit}/accounts/{id}/grants/{grantId}/withdraw")]
    [Tags("Accounts")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(WithdrawGrant command, [WriteAggregate] Account account, Guid grantId) =>
        (Results.Ok(new Written(account.Id, account.Version + 1)), [new GrantWithdrawn(account.Id, grantId, command.Reason!.Trim())]);
}
