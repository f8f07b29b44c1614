using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BhxhPlatform.Browser.Tests;

/// <summary>The identity service's own pages (sign-in, second factor, language, sign-out) in a real browser, each axe-clean.</summary>
[Collection(StackCollection.Name)]
public sealed partial class IdentityPagesTests(StackFixture stack)
{
    [Fact]
    public async Task An_officer_signs_in_in_Vietnamese_opens_the_account_pages_and_signs_out()
    {
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;

        await browser.GoToAsync(new Uri(stack.Identity, "/signin"), "sign-in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();

        await SignInAsync(page, "officer.bien-hoa", StackFixture.Password, "Đăng nhập");
        await Expect(page.GetByText("Đang đăng nhập:")).ToBeVisibleAsync();
        await Expect(page.GetByText("(officer.bien-hoa)")).ToBeVisibleAsync();
        await browser.SeenAsync("account");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đổi mật khẩu" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mật khẩu hiện tại")).ToBeVisibleAsync();
        await browser.SeenAsync("change-password");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.GetByText("Đăng xuất khỏi dịch vụ định danh?")).ToBeVisibleAsync();
        await browser.SeenAsync("sign-out");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bạn đã đăng xuất.");
        await browser.SeenAsync("signed-out");

        await browser.GoToAsync(stack.Identity, "account-signed-out");
        await Expect(page.GetByText("Bạn chưa đăng nhập.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_user_name_kept()
    {
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GoToAsync(new Uri(stack.Identity, "/signin"), "sign-in");

        await SignInAsync(page, "officer.long-thanh", "Sai@2026", "Đăng nhập");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu.");
        await Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync("officer.long-thanh");
        await Expect(page.GetByText("Đang đăng nhập:")).ToHaveCountAsync(0);
        await browser.SeenAsync("wrong-password");

        await page.GetByLabel("Mật khẩu").FillAsync(StackFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page.GetByText("(officer.long-thanh)")).ToBeVisibleAsync();
        await browser.SeenAsync("account");
    }

    [Fact]
    public async Task The_province_administrator_passes_the_second_factor_with_the_code_of_the_development_banner()
    {
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GoToAsync(new Uri(stack.Identity, "/signin"), "sign-in");

        await SignInAsync(page, "admin.dong-nai", StackFixture.Password, "Đăng nhập");
        await Expect(page).ToHaveURLAsync(new Regex("/signin/second-factor"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mã xác thực" })).ToBeVisibleAsync();
        var banner = page.GetByRole(AriaRole.Note);
        await Expect(banner).ToContainTextAsync("CHỈ MÔI TRƯỜNG PHÁT TRIỂN");
        var code = await page.Locator("#development-code").InnerTextAsync();
        code.ShouldMatch("^[0-9]{6}$");
        await browser.SeenAsync("second-factor");

        // A wrong code first: refused, the page asks again.
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Mã xác thực").FillAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Mã không đúng hoặc đã hết hạn.");
        await Expect(page.GetByText("Đang đăng nhập:")).ToHaveCountAsync(0);
        await browser.SeenAsync("second-factor-wrong-code");

        code = await page.Locator("#development-code").InnerTextAsync();
        await page.GetByLabel("Mã xác thực").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByText("(admin.dong-nai)")).ToBeVisibleAsync();
        await browser.SeenAsync("account");
    }

    [Fact]
    public async Task The_pages_switch_to_English_and_back_to_Vietnamese()
    {
        await using var browser = await stack.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GoToAsync(new Uri(stack.Identity, "/signin"), "sign-in-vi");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Ngôn ngữ" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await browser.SeenAsync("sign-in-en");

        // The choice is remembered: the error of a wrong password is in English too.
        await SignInAsync(page, "officer.bien-hoa", "Wrong@2026", "Sign in");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await browser.SeenAsync("wrong-password-en");

        await page.GetByLabel("Password").FillAsync(StackFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Signed in as")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change password" })).ToBeVisibleAsync();
        await browser.SeenAsync("account-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByText("Đang đăng nhập:")).ToBeVisibleAsync();
        await browser.SeenAsync("account-vi");
    }

    [Fact]
    public async Task Without_JavaScript_an_officer_signs_in_and_out()
    {
        await using var browser = await stack.OpenBrowserAsync(javaScript: false);
        var page = browser.Page;
        await browser.GoToAsync(new Uri(stack.Identity, "/signin"), "sign-in");
        (await page.EvaluateAsync<string?>(ScriptRuns)).ShouldBeNull("a script of the page does not run in this context");

        await SignInAsync(page, "officer.bien-hoa", StackFixture.Password, "Đăng nhập");
        await Expect(page.GetByText("(officer.bien-hoa)")).ToBeVisibleAsync();
        await browser.SeenAsync("account");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bạn đã đăng xuất.");
        await browser.SeenAsync("signed-out");
    }

    /// <summary>Adds a script to the page that marks the document, and reads the mark (null when scripts are off).</summary>
    private const string ScriptRuns = """
        () => {
            const script = document.createElement('script');
            script.textContent = "document.documentElement.dataset.scriptRan = 'yes'";
            document.head.append(script);
            return document.documentElement.dataset.scriptRan ?? null;
        }
        """;

    /// <summary>Fills the identity service's sign-in form by its labels and presses its button.</summary>
    internal static async Task SignInAsync(IPage page, string userName, string password, string button)
    {
        var english = button == "Sign in";
        await page.GetByLabel(english ? "User name" : "Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel(english ? "Password" : "Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
