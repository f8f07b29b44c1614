namespace BhxhPlatform.Identity.Accounts;

public enum AccountStatus
{
    Active,
    Suspended,
}

/// <summary>One role a person holds, in the account's unit and, for a partner or collection agent, for one organisation.</summary>
public sealed record Grant(Guid GrantId, string Role, Guid? OrganisationId);

/// <summary>A provincial administrator opened an account for a person in a unit (no role yet: grants follow).</summary>
public sealed record AccountOpened(Guid AccountId, string UserName, string DisplayName, string Unit, string? Email);

/// <summary>A role was granted, with the reason (a decision, an assignment); the organisation for a partner or collection agent.</summary>
public sealed record RoleGranted(Guid AccountId, Guid GrantId, string Role, Guid? OrganisationId, string Reason);

/// <summary>A grant was withdrawn: no new token carries it from now on.</summary>
public sealed record GrantWithdrawn(Guid AccountId, Guid GrantId, string Reason);

/// <summary>The account was suspended: no new token at all (sign-in, refresh) until it is reinstated.</summary>
public sealed record AccountSuspended(Guid AccountId, string Reason);

/// <summary>A suspended account was enabled again.</summary>
public sealed record AccountReinstated(Guid AccountId, string Reason);

/// <summary>
/// What a person may do, as the history of an administrator's decisions: the account's status and
/// its grants in force. Token issuance (sign-in and refresh) reads it, so a suspension or a withdrawn
/// grant stops new tokens at once. Who decided, when and why are on each event (Marten metadata and
/// the reason). Immutable; <see cref="Version"/> counts the events.
/// </summary>
public sealed record Account(
    Guid Id,
    string UserName,
    string DisplayName,
    string Unit,
    string? Email,
    AccountStatus Status,
    string? StatusReason,
    IReadOnlyList<Grant> Grants,
    int Version)
{
    public static Account Create(AccountOpened opened) =>
        new(opened.AccountId, opened.UserName, opened.DisplayName, opened.Unit, opened.Email, AccountStatus.Active, null, [], 1);

    public Account Apply(RoleGranted granted) =>
        this with { Grants = [.. Grants, new Grant(granted.GrantId, granted.Role, granted.OrganisationId)], Version = Version + 1 };

    public Account Apply(GrantWithdrawn withdrawn) =>
        this with { Grants = [.. Grants.Where(g => g.GrantId != withdrawn.GrantId)], Version = Version + 1 };

    public Account Apply(AccountSuspended suspended) =>
        this with { Status = AccountStatus.Suspended, StatusReason = suspended.Reason, Version = Version + 1 };

    public Account Apply(AccountReinstated reinstated) =>
        this with { Status = AccountStatus.Active, StatusReason = null, Version = Version + 1 };

    /// <summary>The organisation of the account's organisation-scoped grants (one at most: see <see cref="GrantChecks.Fits"/>).</summary>
    public Guid? OrganisationOfGrants() => Grants.Select(g => g.OrganisationId).FirstOrDefault(o => o is not null);
}
