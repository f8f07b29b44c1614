using Microsoft.AspNetCore.Builder;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine.Http;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>
/// The operation id of an endpoint, by one convention, shared by the OpenAPI document and the access
/// matrix: a Wolverine endpoint is named by its class (<c>AddTemplateLineEndpoint</c> →
/// <c>AddTemplateLine</c>); a minimal API endpoint by its explicit name, else by its method and
/// route (<c>GET /api/units/{unit}/audit/events</c> → <c>GetAuditEvents</c>).
/// </summary>
public static class OperationIds
{
    public const string EndpointSuffix = "Endpoint";

    /// <summary>Names every Wolverine endpoint after its class (applied when Wolverine maps them).</summary>
    public static void NameAfterHandlerClass(HttpChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var name = ForHandler(chain.Method.HandlerType);
        chain.OperationId = name;

        // The routing name is what the access matrix reads (the chain's own default is "POST_api_units_…").
        chain.Metadata.WithName(name);
    }

    public static string ForHandler(Type handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var name = handler.Name;
        return name.EndsWith(EndpointSuffix, StringComparison.Ordinal) && name.Length > EndpointSuffix.Length
            ? name[..^EndpointSuffix.Length]
            : name;
    }

    public static string? Of(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { Length: > 0 } name)
        {
            return name;
        }

        return endpoint is RouteEndpoint route && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var method, ..]
            ? FromRoute(method, route.RoutePattern.RawText ?? "")
            : null;
    }

    /// <summary><c>POST /api/admin/dead-letters/replay</c> → <c>PostAdminDeadLettersReplay</c>; route parameters and <c>/api/units/{unit}</c> are left out.</summary>
    public static string FromRoute(string method, string route)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(route);
        var name = new StringBuilder(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(method.ToLowerInvariant()));
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{') || segment is "api" or "units")
            {
                continue;
            }

            foreach (var word in segment.Split('-', '_', '.'))
            {
                if (word.Length > 0)
                {
                    name.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
                }
            }
        }

        return name.ToString();
    }

    /// <summary>The handler method of an endpoint (Wolverine's or a minimal API's), for its documentation.</summary>
    public static MethodInfo? HandlerMethod(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.GetMetadata<HttpChain>()?.Method.Method ?? endpoint.Metadata.GetMetadata<MethodInfo>();
    }
}
