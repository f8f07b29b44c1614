using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;

namespace BhxhPlatform.Portal.Components.Pages.Worklists;

/// <summary>
/// The Excel downloads of the working lists. The browser has no token, so the portal asks the service with the
/// person's token and streams its workbook back; when the service refuses, the browser goes back to the list, which
/// shows why.
/// </summary>
public static class WorklistDownload
{
    /// <summary>Who works through the lists in the portal: a unit's officers and collection agents (the services narrow an agent to its organisation).</summary>
    public const string Roles = PortalUser.DistrictOfficer + "," + PortalUser.CollectionAgent;

    /// <summary>
    /// Who sees the plan lines behind schedule: a unit's officers, and a province's administrators (all its units' lines);
    /// Planning's list is for the plan's people, not the collection agents.
    /// </summary>
    public const string OverdueRoles = PortalUser.DistrictOfficer + "," + PortalUser.ProvinceAdmin;

    /// <summary>The roles that may download a list.</summary>
    public static IReadOnlyList<string> RolesOf(string list) => (list == "overdue-lines" ? OverdueRoles : Roles).Split(',');

    public static IEndpointRouteBuilder MapWorklistDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/worklists/download/{list}", async (string list, WorklistsClient worklists, HttpContext context) =>
            {
                if (!WorklistsClient.Lists.ContainsKey(list))
                {
                    return Results.NotFound();
                }

                if (!RolesOf(list).Any(context.User.IsInRole))
                {
                    return Results.Forbid();
                }

                var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : null;
                var response = await worklists.DownloadAsync(list, PortalUser.Of(context.User).Unit, query, context.RequestAborted);
                if (!response.IsSuccessStatusCode)
                {
                    response.Dispose();
                    return Results.LocalRedirect($"/worklists/{list}{context.Request.QueryString}");
                }

                context.Response.RegisterForDispose(response);
                return Results.Stream(
                    await response.Content.ReadAsStreamAsync(context.RequestAborted),
                    response.Content.Headers.ContentType?.ToString() ?? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? $"{list}.xlsx");
            })
            .RequireAuthorization(policy => policy.RequireRole(WorklistsClient.Lists.Keys.SelectMany(RolesOf).Distinct()));
        return app;
    }
}
