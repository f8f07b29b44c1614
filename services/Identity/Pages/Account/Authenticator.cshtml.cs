using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static BhxhPlatform.Identity.Pages.Bilingual;

namespace BhxhPlatform.Identity.Pages.Account;

/// <summary>Sets up the TOTP second factor (required before a provincial administrator gets a token): a key, then one code to prove it.</summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class AuthenticatorModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string Uri { get; private set; } = "";

    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn", new { returnUrl = ReturnUrl });
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        FormattedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        Uri = $"otpauth://totp/BHXH:{System.Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=BHXH&digits=6";
        Required = !user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn", new { returnUrl = ReturnUrl });
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = T("Mã không đúng; kiểm tra giờ của điện thoại và thử lại.", "The code is wrong; check your phone's clock and try again.");
            await OnGetAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(PageHelpers.Local(Url, ReturnUrl));
    }
}
