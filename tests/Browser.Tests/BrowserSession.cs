using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using BhxhPlatform.TestSupport;
using Microsoft.Playwright;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// One test's browser: Debian's Chromium with a fresh context (Vietnamese, Asia/Ho_Chi_Minh) and one page.
/// Every page the test looks at goes through <see cref="SeenAsync"/>: a full-page screenshot is saved as
/// <c>tests/Browser.Tests/TestResults/screenshots/&lt;test&gt;/&lt;nn&gt;-&lt;page&gt;.png</c> (or under
/// <c>$BROWSER_SCREENSHOTS</c>) and axe must find no serious or critical violation. Disposing closes the
/// context and the browser, whatever the test's outcome.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly string _folder;
    private readonly bool _javaScript;
    private static readonly Dictionary<string, int> Sessions = [];
    private int _shots;
    private string _prefix = string.Empty;

    private BrowserSession(IBrowser browser, IBrowserContext context, IPage page, string folder, bool javaScript)
    {
        _browser = browser;
        _context = context;
        Page = page;
        _folder = folder;
        _javaScript = javaScript;
    }

    public IPage Page { get; }

    /// <summary>Where this test's screenshots are written.</summary>
    public string Folder => _folder;

    /// <summary>tests/Browser.Tests/TestResults of this checkout (ignored by git): screenshots and the platform's logs.</summary>
    public static string ResultsRoot => Path.Combine(RepositoryRoot.Above(AppContext.BaseDirectory), "tests", "Browser.Tests", "TestResults");

    public static string ScreenshotRoot =>
        Environment.GetEnvironmentVariable("BROWSER_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(ResultsRoot, "screenshots");

    internal static async Task<BrowserSession> OpenAsync(IPlaywright playwright, string test, bool javaScript)
    {
        File.Exists(ChromiumPath).ShouldBeTrue($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does.");
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
        try
        {
            var context = await browser.NewContextAsync(new()
            {
                Locale = "vi-VN",
                TimezoneId = "Asia/Ho_Chi_Minh",
                JavaScriptEnabled = javaScript,
                ViewportSize = new() { Width = 1280, Height = 900 },
            });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            var folder = Path.Combine(ScreenshotRoot, test);
            int session;
            lock (Sessions)
            {
                session = Sessions[test] = Sessions.GetValueOrDefault(test) + 1;
            }

            // A test's first browser clears what an earlier run left; a journey's later browsers (another person) add to it.
            if (session == 1 && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            return new BrowserSession(browser, context, page, folder, javaScript) { _prefix = session == 1 ? string.Empty : $"{session}-" };
        }
        catch
        {
            await browser.CloseAsync();
            throw;
        }
    }

    /// <summary>Opens an address and checks the page (see <see cref="SeenAsync"/>).</summary>
    public async Task GoToAsync(Uri url, string name)
    {
        var response = await Page.GotoAsync(url.AbsoluteUri);
        response.ShouldNotBeNull();
        response.Ok.ShouldBeTrue($"{url} answered {response.Status}");
        await SeenAsync(name);
    }

    /// <summary>
    /// The page as it is now: saved as the next numbered screenshot, then checked with axe; fails on any
    /// serious or critical violation, listed rule by rule with the elements concerned.
    /// </summary>
    public async Task SeenAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var file = Path.Combine(_folder, $"{_prefix}{++_shots:00}-{name}.png");
        await Page.ScreenshotAsync(new() { Path = file, FullPage = true });

        // axe is a script: a page opened without JavaScript is checked in a second, scripted context of the same browser.
        var result = _javaScript ? await Page.RunAxe() : await AxeWithScriptAsync();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (blocking.Count > 0)
        {
            throw new AccessibilityViolationException(Describe(name, Page.Url, blocking));
        }
    }

    /// <summary>
    /// With README_SCREENSHOTS set (a folder, or "1" for docs/screenshots of this checkout), the page as it is now
    /// (the window, not the whole page) saved there as <paramref name="name"/>.png for the README; otherwise nothing.
    /// </summary>
    public async Task ForReadmeAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("README_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        folder = folder == "1" ? Path.Combine(RepositoryRoot.Above(AppContext.BaseDirectory), "docs", "screenshots") : folder;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png") });
    }

    private async Task<AxeResult> AxeWithScriptAsync()
    {
        var html = await Page.ContentAsync();
        var context = await _browser.NewContextAsync(new() { Locale = "vi-VN" });
        try
        {
            var page = await context.NewPageAsync();
            // The document as the script-less page received it; its styles and images from the server as usual.
            await page.RouteAsync("**/*", route => route.Request.IsNavigationRequest
                ? route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html })
                : route.ContinueAsync());
            await page.GotoAsync(Page.Url);
            return await page.RunAxe();
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static string Describe(string name, string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found serious or critical violations on '{name}' ({url}):");
        foreach (var violation in violations)
        {
            text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine().Append("      ").Append(message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The page as the test left it (where it stopped, when it failed).
            await Page.ScreenshotAsync(new() { Path = Path.Combine(_folder, $"{_prefix}end.png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // A page that is gone has nothing to show.
        }

        try
        {
            await _context.CloseAsync();
        }
        finally
        {
            await _browser.CloseAsync();
        }
    }
}

/// <summary>A page that axe finds serious or critical violations on; the message lists them.</summary>
public sealed class AccessibilityViolationException(string message) : Exception(message);
