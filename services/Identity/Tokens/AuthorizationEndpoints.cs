using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BhxhPlatform.Identity.Tokens;

/// <summary>
/// The three protocol endpoints OpenIddict hands to the application (passthrough), after it has
/// checked the request (client, redirect URI, PKCE, scopes): authorize (the person signed in with the
/// identity cookie gets a code), token (code, refresh, and the demo password grant) and end session.
/// </summary>
public static class AuthorizationEndpoints
{
    public static WebApplication MapAuthorizationEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, UserManager<PlatformUser> users, TokenClaims claims, CancellationToken cancellation)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = signedIn.Succeeded ? await users.GetUserAsync(signedIn.Principal) : null;
        var here = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.LoginRequired, "Sign-in is required.")
                : Results.Challenge(new AuthenticationProperties { RedirectUri = here }, [IdentityConstants.ApplicationScheme]);
        }

        // Before any token: a password set by an administrator is replaced, and a provincial administrator has a second factor.
        if (user.MustChangePassword)
        {
            return Results.Redirect($"/account/password?returnUrl={Uri.EscapeDataString(here)}");
        }

        var (principal, refusal) = await claims.CreateAsync(user, request.GetScopes(), cancellation);
        if (principal is null)
        {
            return Refuse(Errors.AccessDenied, refusal!);
        }

        if (principal.IsInRole(PlatformRoles.ProvincialAdministrator) && !user.TwoFactorEnabled)
        {
            return Results.Redirect($"/account/authenticator?returnUrl={Uri.EscapeDataString(here)}");
        }

        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, TokenClaims claims, CancellationToken cancellation)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        PlatformUser? user;
        IEnumerable<string> scopes;
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token was validated by OpenIddict; the account is read again, so a suspension stops the refresh.
            var previous = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            user = previous.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            scopes = previous.Principal?.GetScopes() ?? [];
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The account can no longer be used.");
            }
        }
        else if (request.IsPasswordGrantType())
        {
            // Development only (the demo-data client): the password and lockout are checked; the second factor is not asked.
            user = await users.FindByNameAsync(request.Username ?? "");
            var checkedPassword = user is null
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (!checkedPassword.Succeeded)
            {
                return Refuse(Errors.InvalidGrant, checkedPassword.IsLockedOut
                    ? "The account is locked after repeated failures."
                    : "Wrong user name or password.");
            }

            scopes = request.GetScopes();
        }
        else
        {
            return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var (principal, refusal) = await claims.CreateAsync(user!, scopes, cancellation);
        return principal is null
            ? Refuse(Errors.InvalidGrant, refusal!)
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<PlatformUser> signIn)
    {
        await signIn.SignOutAsync();

        // OpenIddict returns to the client's registered post-logout address, or here.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/signout?done=1" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
