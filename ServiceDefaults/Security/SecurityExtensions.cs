using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.ServiceDefaults.Security;

public static class SecurityExtensions
{
    /// <summary>The access matrix and the organisation tree it scopes by, for a service of this name.</summary>
    public static IServiceCollection AddAccessMatrix(this IServiceCollection services, string serviceName)
    {
        services.AddSingleton(OrganisationDirectory.Embedded());
        services.AddSingleton(AccessMatrix.Embedded());
        services.AddSingleton(new PlatformService(serviceName));
        return services;
    }

    /// <summary>
    /// Authenticates every request and guards every <c>/api</c> route by the access matrix: no (valid)
    /// token is a 401; an operation the matrix does not name, a role it does not allow, or a unit or
    /// organisation outside the grant's scope a 403; a unit that does not exist a 404; all as problem
    /// details. The grant that allowed a request is left on it (<see cref="Access"/>).
    /// </summary>
    public static WebApplication UseAccessMatrix(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (!context.Request.Path.StartsWithSegments("/api") || endpoint is null)
            {
                await next(context);
                return;
            }

            var problem = Decide(context, endpoint);
            if (problem is null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = problem.Status!.Value;
            if (problem.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await Results.Problem(problem).ExecuteAsync(context);
        });
        app.UseAuthorization();
        return app;
    }

    private static ProblemDetails? Decide(HttpContext context, Endpoint endpoint)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Problem(StatusCodes.Status401Unauthorized, "unauthenticated",
                "Cần đăng nhập (Bearer token hợp lệ).", "A valid bearer token is required.");
        }

        var services = context.RequestServices;
        var matrix = services.GetRequiredService<AccessMatrix>();
        var service = services.GetRequiredService<PlatformService>().Name;
        var operation = OperationIds.Of(endpoint);
        var rules = operation is null ? null : matrix.RulesFor(service, operation);
        if (rules is null)
        {
            return Problem(StatusCodes.Status403Forbidden, "not-in-access-matrix",
                $"Thao tác {operation} chưa có trong bảng phân quyền nên bị từ chối.",
                $"Operation {operation} is not in the access matrix (ServiceDefaults/Security/access-matrix.json, section '{service}'), so it is refused.");
        }

        if (!rules.Keys.Any(context.User.IsInRole))
        {
            return Forbidden();
        }

        var organisation = services.GetRequiredService<OrganisationDirectory>();
        var unit = context.GetRouteValue(EndpointExtensions.UnitRouteArgument) as string;
        if (unit is not null && !organisation.Exists(unit))
        {
            return Problem(StatusCodes.Status404NotFound, "unknown-unit", "Không có đơn vị này.", "There is no such organisation unit.");
        }

        var grant = matrix.Decide(operation!, rules, context.User, unit, organisation);
        if (grant is null)
        {
            return Forbidden();
        }

        if (grant.Scope == AccessScope.Organisation && endpoint.Metadata.GetMetadata<FiltersByOrganisationAttribute>() is null)
        {
            return Problem(StatusCodes.Status403Forbidden, "organisation-filter-missing",
                "Thao tác này chưa lọc theo tổ chức của người dùng nên bị từ chối.",
                $"The access matrix grants {grant.Role} {operation} for its own organisation, but the endpoint does not filter by organisation ([FiltersByOrganisation]); refused.");
        }

        context.Features.Set(grant);
        return null;
    }

    /// <summary>The grant that allowed this request (set by <see cref="UseAccessMatrix"/>).</summary>
    public static AccessGrant? Access(this HttpContext context) => context?.Features.Get<AccessGrant>();

    /// <summary>The organisation an organisation-scoped grant narrows this request to; null when the grant is not narrowed.</summary>
    public static Guid? OrganisationScope(this HttpContext context) =>
        context.Access() is { Scope: AccessScope.Organisation } grant
            ? grant.Organisation ?? Guid.Empty
            : null;

    /// <summary>
    /// False when the grant is narrowed to the caller's organisation and the record concerns none of
    /// these organisations; an endpoint then answers as if the record did not exist (404).
    /// </summary>
    public static bool Reaches(this HttpContext context, params IEnumerable<Guid?> organisations) =>
        context.OrganisationScope() is not { } own || organisations.Contains(own);

    /// <summary>The answer to a record outside the caller's organisation: not found, as if it did not exist.</summary>
    public static ProblemDetails OutsideOrganisation() => ProblemResults.NotFound(
        "Không tìm thấy (bản ghi không thuộc tổ chức của bạn).", "Not found (the record does not concern your organisation).");

    /// <summary>Whether the caller sees personal data masked (an auditor).</summary>
    public static bool MasksPersonalData(this HttpContext context) => context.Access()?.MasksPersonalData == true;

    private static ProblemDetails Forbidden() => Problem(StatusCodes.Status403Forbidden, "forbidden",
        "Bạn không có quyền thực hiện thao tác này với dữ liệu này.", "Your role may not do this with this data.");

    private static ProblemDetails Problem(int status, string code, string vi, string en) => new()
    {
        Type = ProblemResults.TypeBase + code,
        Title = $"{vi} / {en}",
        Status = status,
        Extensions = { ["code"] = code },
    };
}

/// <summary>The name of this service (<c>planning</c>, <c>outreach</c>, …): its section of the access matrix and its audience.</summary>
public sealed record PlatformService(string Name)
{
    /// <summary><c>BhxhPlatform.Planning</c> → <c>planning</c>.</summary>
    public static string NameOf(string applicationName)
    {
        ArgumentNullException.ThrowIfNull(applicationName);
        const string prefix = "BhxhPlatform.";
        var name = applicationName.StartsWith(prefix, StringComparison.Ordinal) ? applicationName[prefix.Length..] : applicationName;
        return name.ToLowerInvariant();
    }
}
