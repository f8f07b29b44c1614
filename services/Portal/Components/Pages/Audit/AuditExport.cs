using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;

namespace BhxhPlatform.Portal.Components.Pages.Audit;

/// <summary>
/// The export download: the browser has no token, so the portal asks the service with the auditor's
/// token and passes the service's stream (NDJSON with its manifest line, or CSV) through unchanged.
/// </summary>
public static class AuditExport
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export/{service}/{unit}", async (string service, string unit, string? format, AuditClient audit, HttpContext context) =>
            {
                if (!AuditClient.Services.Contains(service))
                {
                    return Results.NotFound();
                }

                using var response = await audit.ExportAsync(service, unit, format ?? "ndjson", context.RequestAborted);
                if (!response.IsSuccessStatusCode)
                {
                    return Results.StatusCode((int)response.StatusCode);
                }

                context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{service}-{unit}-events.{(format == "csv" ? "csv" : "ndjson")}\"";
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                return Results.Empty;
            })
            .RequireAuthorization(policy => policy.RequireRole(PortalUser.Auditor));
        return app;
    }
}
