using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace BhxhPlatform.Identity.Pages;

/// <summary>
/// The pages speak Vietnamese, or English after the switch in the header (a cookie, or <c>?culture=en</c>).
/// Each text is written in both languages where it is used, as the problem details are.
/// </summary>
public static class Bilingual
{
    public static readonly string[] Cultures = ["vi", "en"];

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string vi, string en) => English ? en : vi;

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions().SetDefaultCulture("vi").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary><c>GET /language?culture=en&amp;returnUrl=…</c>: remembers the choice in a cookie and goes back (to a local address only).</summary>
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = Cultures.Contains(culture) ? culture! : "vi";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
