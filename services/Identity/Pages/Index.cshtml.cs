using BhxhPlatform.Identity.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BhxhPlatform.Identity.Pages;

public sealed class IndexModel(UserManager<PlatformUser> users) : PageModel
{
    public string? DisplayName { get; private set; }

    public string? UserName { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await PageHelpers.SignedInAsync(HttpContext, users);
        DisplayName = user?.DisplayName;
        UserName = user?.UserName;
    }
}
