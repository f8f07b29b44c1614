using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static BhxhPlatform.Identity.Pages.Bilingual;

namespace BhxhPlatform.Identity.Pages.Account;

/// <summary>Changing one's password (required before a token when an administrator set it).</summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class PasswordModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Required { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        Required = user?.MustChangePassword == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/SignIn", new { returnUrl = ReturnUrl });
        }

        if (New != Confirm)
        {
            Errors = [T("Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ.")];
            Required = user.MustChangePassword;
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current ?? "", New ?? "");
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => T(PasswordRules.Vietnamese(e), e.Description))];
            Required = user.MustChangePassword;
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        if (!string.IsNullOrEmpty(ReturnUrl))
        {
            return LocalRedirect(PageHelpers.Local(Url, ReturnUrl));
        }

        Done = true;
        return Page();
    }
}
