using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace BhxhPlatform.Portal.Localization;

/// <summary>
/// Vietnamese by default, English after the switch in the layout (<c>GET /language?culture=en</c>,
/// kept in the ASP.NET Core culture cookie, which the identity pages on this host read too).
/// Only the language of the texts changes: dates, times and numbers are always shown the Vietnamese
/// way (see <see cref="Display"/>).
/// </summary>
public static class PortalLocalization
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public static readonly string[] Languages = [Vietnamese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services) => services.AddLocalization();

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Display.Culture.Name, Vietnamese),
            SupportedCultures = [Display.Culture],
            SupportedUICultures = [.. Languages.Select(CultureInfo.GetCultureInfo)],
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    public static WebApplication UsePortalLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(Options());
        return app;
    }

    /// <summary><c>GET /language?culture=en&amp;returnUrl=/plan</c>: remembers the choice for a year and goes back (local addresses only).</summary>
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = Languages.Contains(culture) ? culture! : Vietnamese;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Display.Culture.Name, chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(SignIn.PortalSignIn.LocalOrHome(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
