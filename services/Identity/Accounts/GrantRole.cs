using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>Grant a role to an account, in its unit (and for one organisation, for a partner or collection agent), with the reason.</summary>
public sealed record GrantRole(long Version, string? Role, Guid? OrganisationId, string? Reason);

/// <summary>The account after a grant: its version, and the new grant's id (to withdraw it later).</summary>
public sealed record Granted(Guid Id, int Version, Guid GrantId);

public static class GrantRoleEndpoint
{
    public static ProblemDetails Validate(GrantRole command, Account account, OrganisationDirectory organisation) =>
        new Check().Grant("", command.Role, command.OrganisationId, account.Unit, organisation).Reason("reason", command.Reason).ToProblem()
            .Then(() => GrantChecks.Fits(command.Role!, command.OrganisationId, account.Grants));

    [WolverinePost("/api/units/{unit}/accounts/{id}/grants")]
    [Tags("Accounts")]
    [ProducesResponseType<Granted>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(GrantRole command, [WriteAggregate] Account account)
    {
        var grantId = Guid.CreateVersion7();
        return (Results.Ok(new Granted(account.Id, account.Version + 1, grantId)),
            [new RoleGranted(account.Id, grantId, command.Role!, command.OrganisationId, command.Reason!.Trim())]);
    }
}
