using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OtpNet;
using static BhxhPlatform.Identity.Pages.Bilingual;

namespace BhxhPlatform.Identity.Pages;

/// <summary>The second factor (TOTP) after a correct password. In Development a demo account's current code is shown, marked as such.</summary>
public sealed class SecondFactorModel(SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, IHostEnvironment environment) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public string? DevelopmentCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/SignIn", new { returnUrl = ReturnUrl });
        }

        if (environment.IsDevelopment() && DemoAccounts.IsDemo(user.UserName) && await users.GetAuthenticatorKeyAsync(user) is { } key)
        {
            DevelopmentCode = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(PageHelpers.Local(Url, ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            Error = T("Tài khoản tạm khoá do nhập sai nhiều lần.", "The account is locked after repeated failures.");
            return Page();
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/SignIn", new { returnUrl = ReturnUrl });
        }

        Error = T("Mã không đúng hoặc đã hết hạn.", "The code is wrong or has expired.");
        await OnGetAsync();
        return Page();
    }
}
