using Microsoft.Playwright;

namespace BhxhPlatform.Browser.Tests;

/// <summary>The check every page goes through catches what it must: a page with a critical axe violation fails it, with or without JavaScript.</summary>
public sealed class PageCheckTests
{
    private const string Inaccessible = """
        <!DOCTYPE html><html lang="vi"><head><title>Thử</title></head>
        <body><main><h1>Thử</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="q"></main></body></html>
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_with_an_unlabelled_input_and_an_image_without_text_fails_the_check(bool javaScript)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.OpenAsync(playwright, $"{nameof(PageCheckTests)}.javascript-{javaScript}", javaScript);
        await browser.Page.RouteAsync("http://page.test/**", route => route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = Inaccessible }));
        await browser.Page.GotoAsync("http://page.test/");

        var failure = await Should.ThrowAsync<AccessibilityViolationException>(() => browser.SeenAsync("inaccessible"));
        failure.Message.ShouldContain("[critical] image-alt");
        failure.Message.ShouldContain("[critical] label");
        File.Exists(Path.Combine(browser.Folder, "01-inaccessible.png")).ShouldBeTrue("the page is saved before it is judged");
    }
}
