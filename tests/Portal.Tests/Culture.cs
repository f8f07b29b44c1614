using System.Globalization;

namespace BhxhPlatform.Portal.Tests;

/// <summary>Runs a test body in one UI language (the portal's texts follow <see cref="CultureInfo.CurrentUICulture"/>).</summary>
public sealed class Culture : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    private Culture(string ui)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(ui);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
    }

    public static Culture Vietnamese() => new("vi");

    public static Culture English() => new("en");

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.CurrentCulture = _culture;
    }
}
