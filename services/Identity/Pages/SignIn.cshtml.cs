using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static BhxhPlatform.Identity.Pages.Bilingual;

namespace BhxhPlatform.Identity.Pages;

/// <summary>User name and password; then the second factor when the account has one. Lockout after repeated failures.</summary>
public sealed class SignInModel(SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, AccountDirectory accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await users.FindByNameAsync(UserName.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            Error = T($"Tài khoản tạm khoá do nhập sai {CredentialsConfiguration.MaxFailedAttempts} lần; thử lại sau {CredentialsConfiguration.LockoutDuration.TotalMinutes:0} phút.",
                $"The account is locked after {CredentialsConfiguration.MaxFailedAttempts} failed attempts; try again in {CredentialsConfiguration.LockoutDuration.TotalMinutes:0} minutes.");
            return Page();
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            Error = T("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password.");
            return Page();
        }

        // Told only to someone who knows the password: a suspended account is not signed in.
        var account = await accounts.FindAsync(user!.Id, user.Unit, cancellation);
        if (account is not { Status: AccountStatus.Active })
        {
            await signIn.SignOutAsync();
            Error = T("Tài khoản đang bị tạm dừng; liên hệ quản trị viên của tỉnh.", "The account is suspended; contact your provincial administrator.");
            return Page();
        }

        return result.RequiresTwoFactor
            ? RedirectToPage("/SecondFactor", new { returnUrl = ReturnUrl })
            : LocalRedirect(PageHelpers.Local(Url, ReturnUrl));
    }
}
