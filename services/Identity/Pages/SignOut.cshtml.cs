using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BhxhPlatform.Identity.Pages;

/// <summary>Signing out of the identity service itself (the portal signs out through /connect/endsession).</summary>
public sealed class SignOutModel(SignInManager<PlatformUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage(new { done = true });
    }
}
