using BhxhPlatform.Identity.Credentials;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Identity.Accounts;

/// <summary>An account as an administrator sees it: status and grants, and the state of its credentials (never a secret).</summary>
public sealed record AccountView(Account Account, bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, bool MustChangePassword);

public static class GetAccountEndpoint
{
    /// <summary>One account of the unit: status, grants, second factor, lockout.</summary>
    [WolverineGet("/api/units/{unit}/accounts/{id}")]
    [Tags("Accounts")]
    public static async Task<AccountView> Get([ReadAggregate] Account account, UserManager<PlatformUser> users)
    {
        var user = await users.FindByIdAsync(account.Id.ToString());
        return new AccountView(account, user?.TwoFactorEnabled == true,
            user?.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null, user?.MustChangePassword == true);
    }
}

public static class ListAccountsEndpoint
{
    /// <summary>The unit's accounts by user name, optionally one user name (what a loader checks before opening one).</summary>
    [WolverineGet("/api/units/{unit}/accounts")]
    [Tags("Accounts")]
    public static async Task<IReadOnlyList<Account>> Get(string? userName, IQuerySession session, CancellationToken cancellation)
    {
        var query = session.Query<Account>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(userName))
        {
            query = query.Where(a => a.UserName == userName);
        }

        return await query.OrderBy(a => a.UserName).Take(1000).ToListAsync(cancellation);
    }
}
