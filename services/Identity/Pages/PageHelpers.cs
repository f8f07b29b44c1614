using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.Identity.Pages;

public static class PageHelpers
{
    /// <summary>A return address inside this site, else the home page (no open redirect).</summary>
    public static string Local(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
    }

    /// <summary>The person signed in to the identity service's own pages (its cookie, not a bearer token).</summary>
    public static async Task<PlatformUser?> SignedInAsync(HttpContext context, UserManager<PlatformUser> users)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(users);
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return result.Succeeded ? await users.GetUserAsync(result.Principal) : null;
    }
}
