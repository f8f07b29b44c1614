using System.Text.Json.Nodes;
using Alba;
using BhxhPlatform.ServiceDefaults.DeadLetters;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// Tries every endpoint of a service's OpenAPI document with every role, from the unit's own
/// district, from a foreign district, and with no token, and checks each answer against the
/// access rule: 401 without a token, 403 from a foreign district or for a read-only role's
/// write, 404 for a unit that does not exist, and never 401/403 for a user inside its reach.
/// The operator routes under <c>/api/admin</c> (those of the document and Wolverine's dead-letter API,
/// which is left out of it) answer only the provincial administrator.
/// </summary>
public static class AccessMatrix
{
    public const string District = "bien-hoa";
    public const string ForeignDistrict = "long-thanh";

    public sealed record Attempt(string Method, string Url, string Caller, int Status, bool Passed, string Expectation);

    public static async Task<IReadOnlyList<Attempt>> RunAsync(IAlbaHost host)
    {
        var document = JsonNode.Parse(await (await host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;
        var attempts = new List<Attempt>();
        var admin = new List<(string Verb, string Path)>
        {
            ("POST", DeadLetterEndpoints.Route), ("POST", DeadLetterEndpoints.Route + "/replay"), ("DELETE", DeadLetterEndpoints.Route),
        };
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (path.StartsWith("/api/admin/", StringComparison.Ordinal))
            {
                admin.AddRange(operations!.AsObject().Select(o => (o.Key.ToUpperInvariant(), path)));
                continue;
            }

            if (!path.StartsWith("/api/units/{unit}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (method, _) in operations!.AsObject())
            {
                var verb = method.ToUpperInvariant();
                var reads = verb is "GET" or "HEAD";
                var own = Url(path, District);
                attempts.Add(await TryAsync(host, verb, own, "no token", null, s => s == 401, "401"));
                attempts.Add(await TryAsync(host, verb, own, "district officer of a foreign district",
                    TestTokens.For(PlatformRoles.DistrictOfficer, ForeignDistrict), s => s == 403, "403"));
                attempts.Add(await TryAsync(host, verb, own, "collection agent of a foreign district",
                    TestTokens.For(PlatformRoles.CollectionAgent, ForeignDistrict), s => s == 403, "403"));
                attempts.Add(await TryAsync(host, verb, Url(path, "no-such-unit"), "provincial administrator, unknown unit",
                    TestTokens.ProvincialAdministrator, s => s == 404, "404"));
                attempts.Add(await TryAsync(host, verb, own, "auditor",
                    TestTokens.For(PlatformRoles.Auditor, TestTokens.Province), s => reads ? s is not (401 or 403) : s == 403, reads ? "not 401/403" : "403"));
                attempts.Add(await TryAsync(host, verb, own, "partner of the district",
                    TestTokens.For(PlatformRoles.Partner, District), s => reads ? s is not (401 or 403) : s == 403, reads ? "not 401/403" : "403"));
                attempts.Add(await TryAsync(host, verb, own, "district officer of the district",
                    TestTokens.For(PlatformRoles.DistrictOfficer, District), s => s != 401, "not 401"));
            }
        }

        foreach (var (verb, path) in admin)
        {
            var url = Url(path, District);
            attempts.Add(await TryAsync(host, verb, url, "no token", null, s => s == 401, "401"));
            foreach (var role in PlatformRoles.All.Where(r => r != PlatformRoles.ProvincialAdministrator))
            {
                attempts.Add(await TryAsync(host, verb, url, $"{role} of the district", TestTokens.For(role, District), s => s == 403, "403"));
            }

            attempts.Add(await TryAsync(host, verb, url, "auditor of the province",
                TestTokens.For(PlatformRoles.Auditor, TestTokens.Province), s => s == 403, "403"));
            attempts.Add(await TryAsync(host, verb, url, "provincial administrator",
                TestTokens.ProvincialAdministrator, s => s is not (401 or 403), "not 401/403"));
        }

        return attempts;
    }

    private static async Task<Attempt> TryAsync(
        IAlbaHost host, string verb, string url, string caller, string? token, Func<int, bool> expected, string expectation)
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
        return new Attempt(verb, url, caller, status, expected(status), expectation);
    }

    private static string Url(string path, string unit) => string.Join('/', path.Split('/').Select(segment =>
        segment == "{unit}" ? unit
        : segment is "{year}" ? "2026"
        : segment is "{district}" ? District
        : segment.StartsWith('{') ? Guid.CreateVersion7().ToString()
        : segment));
}
