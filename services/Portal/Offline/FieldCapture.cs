using BhxhPlatform.Portal.Localization;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;

namespace BhxhPlatform.Portal.Offline;

/// <summary>What the field page keeps on the device to work offline: the unit's plan of the year with its lines, its communes and its active partners.</summary>
public sealed record FieldReference(
    string Unit, Guid? PlanId, int Year, bool PlanApproved, IReadOnlyList<FieldLine> Lines, IReadOnlyList<FieldChoice> Communes, IReadOnlyList<FieldChoice> Partners);

public sealed record FieldLine(string Code, string Subject, string AudienceCode, string FormKind);

public sealed record FieldChoice(string Id, string Name);

/// <summary>
/// The endpoints behind the field page (<c>/field/activities</c>), an installable web app that captures activities
/// with no network. The browser never holds a token: it sends its waiting entries here with the session cookie,
/// and the portal calls Outreach's batch endpoint with the person's token (see <see cref="OfflineSync"/>).
/// </summary>
public static class FieldCapture
{
    public const string Scope = "/field/";
    public const string ApiPrefix = "/field/api";
    public const string ReferencePath = ApiPrefix + "/reference";
    public const string SyncPath = ApiPrefix + "/activities/sync";

    /// <summary>What a sign-out answers (and the signed-out page): the browser drops the field page's cache, stored entries and service worker.</summary>
    public const string ClearSiteData = "\"cache\", \"storage\"";

    public static WebApplication MapFieldCapture(this WebApplication app)
    {
        var api = app.MapGroup(ApiPrefix).RequireAuthorization(policy => policy.RequireRole(PortalUser.DistrictOfficer));
        api.MapGet("/reference", ReferenceAsync);
        api.MapPost("/activities/sync", SyncAsync);
        return app;
    }

    /// <summary>Signing out leaves nothing of the field page on the device (Clear-Site-Data, with the signed-out page's script as a second net).</summary>
    public static WebApplication UseFieldSignOutCleanup(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((HttpMethods.IsPost(context.Request.Method) && path.Equals("/signout", StringComparison.OrdinalIgnoreCase)) ||
                path.Equals("/signed-out", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers["Clear-Site-Data"] = ClearSiteData;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>An API call of the field page without a session answers 401 instead of a redirect to the sign-in page (the page keeps its entries and says so).</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> ReferenceAsync(HttpContext context, PlanningClient planning, OutreachClient outreach, TimeProvider clock)
    {
        var unit = PortalUser.Of(context.User).Unit;
        var year = Display.LocalDay(clock.GetUtcNow()).Year;
        var cancellation = context.RequestAborted;
        var plan = planning.PlanOfYearAsync(unit, year, cancellation);
        var communes = planning.CommunesAsync(unit, cancellation);
        var partners = outreach.KnownPartnersAsync(unit, cancellation);
        var found = await plan;
        return Results.Ok(new FieldReference(
            unit,
            found?.Id,
            year,
            found?.IsApproved ?? false,
            found?.Lines.Select(l => new FieldLine(l.Line.Code, l.Line.Subject, l.Line.AudienceCode, l.Line.FormKind.ToString())).ToList() ?? [],
            (await communes).Select(c => new FieldChoice(c.Id, c.Name)).ToList(),
            (await partners).Where(p => p.IsActive).Select(p => new FieldChoice(p.Id.ToString(), p.Name)).ToList()));
    }

    private static async Task<IResult> SyncAsync(HttpContext context, OutreachClient outreach)
    {
        if (!IsSameOrigin(context.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Yêu cầu không đến từ trang của cổng thông tin.");
        }

        // Read here, with the services' JSON settings (forms as names), so that a body that cannot be read is a 400 like the others.
        OfflineSyncRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<OfflineSyncRequest>(ServiceCalls.Json, context.RequestAborted);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            request = null;
        }

        var entries = request?.Entries ?? [];
        if (entries.Count is 0 or > OfflineSync.MaxEntries || entries.Any(e => e.CommandId == Guid.Empty) || entries.DistinctBy(e => e.CommandId).Count() != entries.Count)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"Gửi từ 1 đến {OfflineSync.MaxEntries} mục, mỗi mục một mã lệnh riêng.");
        }

        var unit = PortalUser.Of(context.User).Unit;
        var missing = entries.Where(e => e.Activity is null).Select(e => e.CommandId).ToHashSet();
        var answer = await OfflineSync.SyncAsync(
            entries.Where(e => e.Activity is not null).ToList(),
            batch => outreach.LogActivityBatchAsync(unit, batch.Select(e => (e.CommandId, e.Activity!)).ToList(), context.RequestAborted));
        if (answer is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Dịch vụ ghi hoạt động từ chối cả lần gửi; các mục vẫn chờ gửi.");
        }

        var refusedEmpty = missing.Select(id => new OfflineEntryResult(id, OfflineEntryResult.Refused, null, null,
            [new FieldError("activity", "required", "Hoạt động không được để trống.", "The activity is required.")]));
        return Results.Ok(new OfflineSyncResponse([.. answer.Entries, .. refusedEmpty]));
    }

    /// <summary>
    /// The same-origin check that stands in for an antiforgery token here: a page kept offline for days may
    /// hold a token its session no longer matches, while the browser always names the origin of a script's
    /// POST. Another site's page cannot send this request with the person's cookie (SameSite=Lax, and no CORS).
    /// </summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        if (request.Headers.Origin is { Count: > 0 } origin)
        {
            return string.Equals(origin.ToString(), own, StringComparison.OrdinalIgnoreCase);
        }

        return request.Headers["Sec-Fetch-Site"] == "same-origin";
    }
}
