using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>Suspend an account, with the reason: no new token (sign-in or refresh) until it is reinstated; a token already issued ends with its lifetime.</summary>
public sealed record SuspendAccount(long Version, string? Reason);

public static class SuspendAccountEndpoint
{
    public static ProblemDetails Validate(SuspendAccount command, Account account, HttpContext context) =>
        new Check().Reason("reason", command.Reason).ToProblem()
            .Then(() => account.Status == AccountStatus.Active
                ? WolverineContinue.NoProblems
                : ProblemResults.Conflict("account-not-active", "Tài khoản đã bị tạm dừng.", "The account is already suspended."))
            .Then(() => context.User.FindFirst(PlatformClaims.Subject)?.Value != account.Id.ToString()
                ? WolverineContinue.NoProblems
                : ProblemResults.Conflict("not-yourself", "Không thể tự tạm dừng tài khoản của mình.", "You cannot suspend your own account."));

    [WolverinePost("/api/units/{unit}/accounts/{id}/suspend")]
    [Tags("Accounts")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(SuspendAccount command, [WriteAggregate] Account account) =>
        (Results.Ok(new Written(account.Id, account.Version + 1)), [new AccountSuspended(account.Id, command.Reason!.Trim())]);
}
