using BhxhPlatform.Portal.Localization;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;

namespace BhxhPlatform.Portal.Components.Pages.Reports;

/// <summary>
/// The Word and Excel downloads of a results report. The browser has no token, so the portal asks Planning
/// with the person's token and streams Planning's file back with its content type and file name. When Planning
/// refuses (a bad period or day, a unit outside the person's scope, no such unit), the browser goes back to
/// the report page with the same request, which shows Planning's problem; <c>failed</c> says a download failed.
/// </summary>
public static class ReportDownload
{
    /// <summary>Whom Planning's access matrix lets read results reports (<c>GetResultsReport*</c>): a unit's officers, province administrators, auditors.</summary>
    public const string Roles = PortalUser.DistrictOfficer + "," + PortalUser.ProvinceAdmin + "," + PortalUser.Auditor;

    public static IEndpointRouteBuilder MapResultsReportDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/download/{format}", async (
                string format, string? unit, string? year, string? period, string? asOf, ReportsClient reports, TimeProvider clock, HttpContext context) =>
            {
                if (ReportFormat.Parse(format) is not { } file)
                {
                    return Results.NotFound();
                }

                var query = ReportQuery.Of(unit, year, period, asOf, PortalUser.Of(context.User).Unit, Display.LocalDay(clock.GetUtcNow()));
                var response = await reports.DownloadAsync(query, file, context.RequestAborted);
                if (!response.IsSuccessStatusCode)
                {
                    response.Dispose();
                    return Results.LocalRedirect($"{query.PageLink}&failed={file.Extension}");
                }

                context.Response.RegisterForDispose(response);
                return Results.Stream(
                    await response.Content.ReadAsStreamAsync(context.RequestAborted),
                    response.Content.Headers.ContentType?.ToString() ?? file.ContentType,
                    ReportFile.Name(response.Content.Headers.ContentDisposition, query, file));
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Split(',')));
        return app;
    }
}
