using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>Enable a suspended account again, with the reason.</summary>
public sealed record ReinstateAccount(long Version, string? Reason);

public static class ReinstateAccountEndpoint
{
    public static ProblemDetails Validate(ReinstateAccount command, Account account) =>
        new Check().Reason("reason", command.Reason).ToProblem()
            .Then(() => account.Status == AccountStatus.Suspended
                ? WolverineContinue.NoProblems
                : ProblemResults.Conflict("account-not-suspended", "Tài khoản đang hoạt động.", "The account is not suspended."));

    [WolverinePost("/api/units/{unit}/accounts/{id}/reinstate")]
    [Tags("Accounts")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(ReinstateAccount command, [WriteAggregate] Account account) =>
        (Results.Ok(new Written(account.Id, account.Version + 1)), [new AccountReinstated(account.Id, command.Reason!.Trim())]);
}
