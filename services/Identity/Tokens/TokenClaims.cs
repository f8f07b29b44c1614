using System.Security.Claims;
using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BhxhPlatform.Identity.Tokens;

/// <summary>
/// The claims a token carries, read afresh from the account at every issuance (sign-in, code
/// redemption and each refresh): <c>sub</c>, <c>name</c>, <c>preferred_username</c>, one <c>role</c>
/// per grant in force, <c>unit</c> (the account's unit) and, for a partner or collection agent,
/// <c>org</c>; <c>aud</c> lists the APIs whose scopes were granted. A suspended account or one with no
/// grant gets no token.
/// </summary>
public sealed class TokenClaims(AccountDirectory accounts, IOpenIddictScopeManager scopes)
{
    /// <summary>The principal to sign in with, or null with the reason (English: an OAuth error description is ASCII) when no token may be issued.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Refusal)> CreateAsync(PlatformUser user, IEnumerable<string> requestedScopes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(user);
        var account = await accounts.FindAsync(user.Id, user.Unit, cancellation);
        if (account is null)
        {
            return (null, "There is no such account.");
        }

        if (account.Status != AccountStatus.Active)
        {
            return (null, "The account is suspended.");
        }

        if (account.Grants.Count == 0)
        {
            return (null, "The account holds no grant.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, PlatformClaims.UserName, PlatformClaims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaims(PlatformClaims.Role, [.. account.Grants.Select(g => g.Role).Distinct()])
            .SetClaim(PlatformClaims.Unit, account.Unit);
        if (account.OrganisationOfGrants() is { } organisation)
        {
            identity.SetClaim(PlatformClaims.Organisation, organisation.ToString());
        }

        var granted = requestedScopes.ToList();
        identity.SetScopes(granted);
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync([.. granted], cancellation))
        {
            resources.Add(resource);
        }

        identity.SetResources(resources);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return (new ClaimsPrincipal(identity), null);
    }

    /// <summary>Every claim goes in the access token (the APIs need them); the identity token gets what its scopes ask for.</summary>
    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity)
    {
        yield return OpenIddictConstants.Destinations.AccessToken;
        var forIdentityToken = claim.Type switch
        {
            Claims.Subject => true,
            Claims.Name or Claims.PreferredUsername => identity.HasScope(Scopes.Profile),
            PlatformClaims.Role or PlatformClaims.Unit or PlatformClaims.Organisation => identity.HasScope(Scopes.Roles),
            _ => false,
        };
        if (forIdentityToken)
        {
            yield return OpenIddictConstants.Destinations.IdentityToken;
        }
    }
}
