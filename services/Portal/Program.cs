using BhxhPlatform.Portal;
using BhxhPlatform.Portal.Components;
using BhxhPlatform.Portal.Components.Pages.Audit;
using BhxhPlatform.Portal.Components.Pages.Reports;
using BhxhPlatform.Portal.Components.Pages.Worklists;
using BhxhPlatform.Portal.Localization;
using BhxhPlatform.Portal.Offline;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalDefaults();
builder.AddPortalSignIn();
builder.Services.AddServiceClients();
builder.Services.AddPortalLocalization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

// No stack trace ever: every failure re-renders the error page, which names a service that is down.
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePortalLocalization();
app.UseFieldSignOutCleanup();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPortalHealth();
app.MapSignInEndpoints();
app.MapLanguageSwitch();
app.MapAuditExport();
app.MapResultsReportDownload();
app.MapWorklistDownload();
app.MapFieldCapture();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();

await app.RunAsync();

/// <summary>The portal's entry point, public so the tests can host it.</summary>
public partial class Program;
