using System.Text.Json.Nodes;
using Alba;
using BhxhPlatform.ServiceDefaults.DeadLetters;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// The contract between a service and the access matrix (ServiceDefaults/Security/access-matrix.json):
/// every operation of the service's OpenAPI document (and the operator routes left out of it), tried
/// as every role, answers exactly what the matrix says: allowed → neither 401 nor 403, refused → 403;
/// without a token 401; an unknown unit 404; a district user from another district 403. Every
/// endpoint under <c>/api</c> must be in the matrix, and the matrix must name nothing the service lacks.
/// The failures say what to add or change in the matrix file.
/// </summary>
public static class AccessContract
{
    public const string District = "bien-hoa";
    public const string ForeignDistrict = "long-thanh";

    /// <summary>The organisation of the partner and collection-agent callers.</summary>
    public static readonly Guid Organisation = Guid.CreateVersion7();

    public sealed record Attempt(string Method, string Url, string Operation, string Caller, int Status, bool Passed, string Expectation);

    /// <summary>A caller of each role, as a real grant would make it: the province's roles in the province, the others in the district.</summary>
    public static string TokenFor(string role) => role switch
    {
        PlatformRoles.ProvincialAdministrator or PlatformRoles.Auditor => TestTokens.For(role, TestTokens.Province),
        PlatformRoles.Partner or PlatformRoles.CollectionAgent => TestTokens.For(role, District, organisation: Organisation),
        _ => TestTokens.For(role, District),
    };

    public static async Task<IReadOnlyList<Attempt>> RunAsync(IAlbaHost host, string service)
    {
        var matrix = AccessMatrix.Embedded();
        var document = JsonNode.Parse(await (await host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;
        var operations = new List<(string Verb, string Path, string? Operation)>();
        foreach (var (path, items) in document["paths"]!.AsObject())
        {
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                operations.AddRange(items!.AsObject().Select(o => (o.Key.ToUpperInvariant(), path, o.Value?["operationId"]?.GetValue<string>())));
            }
        }

        // Wolverine's dead-letter API is left out of the document (an operator tool), not out of the matrix.
        operations.Add(("POST", DeadLetterEndpoints.Route, "PostAdminDeadLetters"));
        operations.Add(("POST", DeadLetterEndpoints.Route + "/replay", "PostAdminDeadLettersReplay"));
        operations.Add(("DELETE", DeadLetterEndpoints.Route, "DeleteAdminDeadLetters"));

        var attempts = new List<Attempt>();
        foreach (var (verb, path, operation) in operations)
        {
            var rules = operation is null ? null : matrix.RulesFor(service, operation);
            var url = Url(path, District);
            if (rules is null)
            {
                attempts.Add(new Attempt(verb, url, operation ?? "(no operation id)", "-", 0, false,
                    $"in the access matrix: add \"{operation}\": {{ \"<role>\": \"<scope>\", … }} under services.{service} in ServiceDefaults/Security/access-matrix.json"));
                continue;
            }

            attempts.Add(await TryAsync(host, verb, url, operation!, "no token", null, s => s == 401, "401"));
            foreach (var role in PlatformRoles.All)
            {
                var allowed = rules.ContainsKey(role);
                attempts.Add(await TryAsync(host, verb, url, operation!, role, TokenFor(role),
                    s => allowed ? s is not (401 or 403) : s == 403,
                    allowed ? $"neither 401 nor 403 (the matrix allows {role}: {rules[role]})" : $"403 (the matrix does not name {role})"));
            }

            if (path.Contains("{unit}", StringComparison.Ordinal))
            {
                attempts.Add(await TryAsync(host, verb, Url(path, "no-such-unit"), operation!, "province-admin, unknown unit",
                    TestTokens.ProvincialAdministrator, s => rules.ContainsKey(PlatformRoles.ProvincialAdministrator) ? s == 404 : s == 403, "404"));
                if (rules.GetValueOrDefault(PlatformRoles.DistrictOfficer, AccessScope.Unit) != AccessScope.Any)
                {
                    attempts.Add(await TryAsync(host, verb, url, operation!, "district officer of another district",
                        TestTokens.For(PlatformRoles.DistrictOfficer, ForeignDistrict), s => s == 403, "403"));
                }
            }
        }

        attempts.AddRange(Coverage(host, service, matrix));
        return attempts;
    }

    /// <summary>Every endpoint under /api is named by the matrix, and every operation the matrix names for the service exists.</summary>
    private static IEnumerable<Attempt> Coverage(IAlbaHost host, string service, AccessMatrix matrix)
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Select(e => (Route: e.RoutePattern.RawText!, Method: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var m, ..] ? m : "?", Operation: OperationIds.Of(e)))
            .ToList();
        foreach (var (route, method, operation) in endpoints.Where(e => e.Operation is null || matrix.RulesFor(service, e.Operation) is null))
        {
            yield return new Attempt(method, route, operation ?? "(no operation id)", "-", 0, false,
                $"in the access matrix: add \"{operation}\" under services.{service} in ServiceDefaults/Security/access-matrix.json");
        }

        var existing = endpoints.Select(e => e.Operation).ToHashSet();
        foreach (var stale in matrix.OperationsOf(service).Keys.Where(o => !existing.Contains(o)))
        {
            yield return new Attempt("-", "-", stale, "-", 0, false,
                $"an endpoint: services.{service}.{stale} in the access matrix names no operation of the service (remove or rename it)");
        }
    }

    private static async Task<Attempt> TryAsync(
        IAlbaHost host, string verb, string url, string operation, string caller, string? token, Func<int, bool> expected, string expectation)
    {
        var result = await host.Scenario(s =>
        {
            s.ConfigureHttpContext(context =>
            {
                context.Request.Method = verb;
                context.Request.Path = url;
                if (verb is not ("GET" or "HEAD" or "DELETE"))
                {
                    context.Request.ContentType = "application/json";
                    context.Request.Body = new MemoryStream("{}"u8.ToArray());
                    context.Request.ContentLength = 2;
                }
            });
            s.WithRequestHeader("Authorization", token is null ? "Bearer" : $"Bearer {token}");
            s.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        return new Attempt(verb, url, operation, caller, status, expected(status), expectation);
    }

    public static string Url(string path, string unit) => string.Join('/', path.Split('/').Select(segment =>
        segment == "{unit}" ? unit
        : segment is "{year}" ? "2026"
        : segment is "{district}" ? District
        : segment is "{province}" ? TestTokens.Province
        : segment.StartsWith('{') ? Guid.CreateVersion7().ToString()
        : segment));
}
