using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>Steps through the portal's pages that every journey takes: signing in (portal → identity, code + PKCE → portal) and out.</summary>
public static class Portal
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A number as the portal writes it (vi-VN: 1.234).</summary>
    public static string Number(long value) => value.ToString("N0", Vietnamese);

    /// <summary>
    /// Opens the portal, which sends the browser to the identity service's sign-in page; signs in there as
    /// <paramref name="userName"/> (the second factor from the development banner when asked) and comes back
    /// to the portal's home page, checked.
    /// </summary>
    public static async Task SignInAsync(this BrowserSession browser, StackFixture stack, string userName, string path = "/")
    {
        var page = browser.Page;
        var identity = stack.Identity;
        await page.GotoAsync(new Uri(stack.Portal, path).AbsoluteUri);
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(identity.GetLeftPart(UriPartial.Authority)) + "/signin"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await browser.SeenAsync("identity-sign-in");

        await IdentityPagesTests.SignInAsync(page, userName, StackFixture.Password, "Đăng nhập");
        if (page.Url.Contains("/signin/second-factor", StringComparison.Ordinal))
        {
            await browser.SeenAsync("identity-second-factor");
            await page.GetByLabel("Mã xác thực").FillAsync(await page.Locator("#development-code").InnerTextAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(stack.Portal.GetLeftPart(UriPartial.Authority))));
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
    }

    /// <summary>Signs out with the header's button: the portal's session and the identity service's end; the portal says so.</summary>
    public static async Task SignOutAsync(this BrowserSession browser, StackFixture stack)
    {
        var page = browser.Page;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(stack.Portal.GetLeftPart(UriPartial.Authority)) + "/signed-out"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bạn đã đăng xuất" })).ToBeVisibleAsync();
        await browser.SeenAsync("signed-out");
    }

    /// <summary>Follows a link of the portal's menu.</summary>
    public static Task MenuAsync(this IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Chức năng" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
