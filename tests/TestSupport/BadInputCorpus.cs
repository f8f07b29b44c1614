using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Http;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// Sends a corpus of bad input to every write endpoint a service publishes in its OpenAPI
/// document: malformed JSON, a body of the wrong shape, wrong types, unknown enum values,
/// over-long strings, text that is not NFC or holds control characters, negative numbers, and
/// an oversized body. Each must be answered with a 400 (or 413) problem, and nothing appended.
/// </summary>
public static class BadInputCorpus
{
    public sealed record Case(string Method, string Url, string Name, string Body, string? Field);

    public sealed record Outcome(Case Case, int Status, string ContentType, string Body, bool Passed, string Expectation);

    /// <summary>Field names the corpus leaves alone (the expected version is checked by the event store, not by validation).</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "version" };

    public static async Task<IReadOnlyList<Case>> CasesAsync(IAlbaHost host, string unit)
    {
        var document = JsonNode.Parse(await (await host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var cases = new List<Case>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var schemaRef = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                if (method is not ("post" or "put" or "patch") || schemaRef is null)
                {
                    continue;
                }

                var url = Url(path, unit);
                var verb = method.ToUpperInvariant();
                cases.Add(new Case(verb, url, "malformed-json", "{\"a\": ", null));
                cases.Add(new Case(verb, url, "array-instead-of-object", "[1, 2]", null));
                cases.Add(new Case(verb, url, "oversized-body", "{\"x\": \"" + new string('a', 2 * 1024 * 1024) + "\"}", null));

                cases.Add(new Case(verb, url, "deep-json", new string('[', 300) + new string(']', 300), null));

                foreach (var (field, property, wrap) in Properties(Resolve(schemaRef, schemas), schemas, prefix: "", wrap: v => v, depth: 0))
                {
                    var resolved = Resolve(property, schemas);
                    var types = Types(resolved);
                    var format = resolved?["format"]?.GetValue<string>();
                    void Add(string name, JsonNode? value) => cases.Add(new Case(verb, url, name, wrap(value)!.ToJsonString(), field));
                    if (resolved?["enum"] is JsonArray)
                    {
                        Add("unknown-enum-value", JsonValue.Create("NoSuchValueZ"));
                    }
                    else if (types.Contains("string") && format is null)
                    {
                        Add("too-long", JsonValue.Create(new string('x', 20_000)));
                        Add("not-nfc", JsonValue.Create("Ke\u0302\u0301 hoa\u0323ch"));
                        Add("control-characters", JsonValue.Create("tên\u0007\u0000"));
                        Add("bidi-override", JsonValue.Create("tên \u202Egnp.exe"));
                    }
                    else if (types.Contains("string") && format is "date" or "date-time")
                    {
                        Add("date-far-past", JsonValue.Create(format == "date" ? "0001-01-01" : "0001-01-01T00:00:00+00:00"));
                        Add("date-far-future", JsonValue.Create(format == "date" ? "9999-12-31" : "9999-12-31T00:00:00+00:00"));
                        Add("not-a-date", JsonValue.Create("31/12/2026"));
                    }
                    else if (types.Contains("string") && format is "uuid")
                    {
                        Add("not-a-uuid", JsonValue.Create("not-a-uuid"));
                    }
                    else if (types.Contains("integer") || types.Contains("number"))
                    {
                        Add("negative", JsonValue.Create(-1));
                        Add("too-large", format == "int64" ? JsonValue.Create(long.MaxValue)
                            : types.Contains("integer") ? JsonValue.Create(int.MaxValue) : JsonValue.Create(1e25m));
                        Add("wrong-type", new JsonObject { ["nested"] = true });
                    }
                }
            }
        }

        // Query parameters of the read endpoints: a date far in the past or the future is a 400, not a 500.
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            if (operations?["get"]?["parameters"] is not JsonArray parameters)
            {
                continue;
            }

            foreach (var parameter in parameters.Select(p => Resolve(p, schemas)).Where(p => p?["in"]?.GetValue<string>() == "query"))
            {
                var name = parameter!["name"]!.GetValue<string>();
                var format = Resolve(parameter["schema"], schemas)?["format"]?.GetValue<string>();
                if (format is "date" or "date-time")
                {
                    var url = Url(path, unit);
                    var (past, future) = format == "date" ? ("0001-01-01", "9999-12-31") : ("0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z");
                    cases.Add(new Case("GET", $"{url}?{name}={past}", "query-date-far-past", string.Empty, name));
                    cases.Add(new Case("GET", $"{url}?{name}={future}", "query-date-far-future", string.Empty, name));
                }
            }
        }

        return cases;
    }

    /// <summary>Runs every case; the result lists each case with whether it got what it should.</summary>
    public static async Task<IReadOnlyList<Outcome>> RunAsync(IAlbaHost host, string unit)
    {
        var outcomes = new List<Outcome>();
        foreach (var c in await CasesAsync(host, unit))
        {
            var result = await host.Scenario(s =>
            {
                var bytes = Encoding.UTF8.GetBytes(c.Body);
                s.ConfigureHttpContext(context =>
                {
                    var query = c.Url.IndexOf('?', StringComparison.Ordinal);
                    context.Request.Method = c.Method;
                    context.Request.Path = query < 0 ? c.Url : c.Url[..query];
                    context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(c.Url[query..]);
                    if (c.Method != "GET")
                    {
                        context.Request.ContentType = "application/json";
                        context.Request.Body = new MemoryStream(bytes);
                        context.Request.ContentLength = bytes.Length;
                    }
                });
                if (c.Method == "GET")
                {
                    // Reads of a time range are the auditor's (some are theirs alone).
                    s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(ServiceDefaults.Security.PlatformRoles.Auditor, TestTokens.Province, "auditor.dong-nai")}");
                }

                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            var contentType = result.Context.Response.ContentType ?? string.Empty;
            var body = await result.ReadAsTextAsync();
            var (passed, expectation) = Judge(c, status, contentType, body);
            outcomes.Add(new Outcome(c, status, contentType, body, passed, expectation));
        }

        return outcomes;
    }

    private static (bool Passed, string Expectation) Judge(Case c, int status, string contentType, string body)
    {
        var isProblem = contentType.StartsWith("application/problem+json", StringComparison.Ordinal);
        if (c.Name == "oversized-body")
        {
            return (status == StatusCodes.Status413PayloadTooLarge && isProblem, "413 problem");
        }

        if (c.Field is null || c.Name is "unknown-enum-value" or "wrong-type" or "not-a-uuid" or "not-a-date")
        {
            return (status == StatusCodes.Status400BadRequest && isProblem, "400 problem");
        }

        // A field-level rule: a 400 problem naming the field (a write to a stream that does not
        // exist may also be refused with 404 before its fields are looked at).
        if (status == StatusCodes.Status404NotFound && isProblem && c.Url.Count(ch => ch == '/') > 4)
        {
            return (true, "400 naming the field, or 404 for a missing stream");
        }

        return (status == StatusCodes.Status400BadRequest && isProblem && NamesField(body, c.Field),
            $"400 problem with a field error for '{c.Field}'");
    }

    private static bool NamesField(string body, string field)
    {
        // The field itself, one of its parts, or (for a nested field) the object or list that holds it: a
        // conference's details sent with a post are refused as a whole ("conference": not-applicable).
        using var document = JsonDocument.Parse(body);
        var ancestors = Ancestors(field).ToList();
        return document.RootElement.TryGetProperty("fieldErrors", out var errors) &&
               errors.EnumerateArray().Any(e => e.GetProperty("field").GetString() is { } f &&
                   (f.Equals(field, StringComparison.OrdinalIgnoreCase) || f.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) ||
                    f.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || ancestors.Contains(f, StringComparer.OrdinalIgnoreCase)));
    }

    private static IEnumerable<string> Ancestors(string field)
    {
        for (var end = field.LastIndexOfAny(['.', '[']); end > 0; end = field.LastIndexOfAny(['.', '['], end - 1))
        {
            yield return field[..end];
        }
    }


    /// <summary>
    /// Every property of a request schema, nested objects and the objects of arrays included (three levels):
    /// its field path as the service names it (<c>post.reach</c>, <c>materials[0].count</c>), its schema, and
    /// how to wrap a value for it into a whole body.
    /// </summary>
    private static IEnumerable<(string Field, JsonNode? Schema, Func<JsonNode?, JsonNode?> Wrap)> Properties(
        JsonNode? schema, JsonObject? schemas, string prefix, Func<JsonNode?, JsonNode?> wrap, int depth)
    {
        foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
        {
            if (Skipped.Contains(name))
            {
                continue;
            }

            var field = prefix + name;
            Func<JsonNode?, JsonNode?> here = value => wrap(new JsonObject { [name] = value });
            yield return (field, property, here);
            if (depth == 2)
            {
                continue;
            }

            var resolved = Resolve(property, schemas);
            var nested = Resolve(resolved, schemas);
            if (nested?["properties"] is JsonObject)
            {
                foreach (var inner in Properties(nested, schemas, field + ".", here, depth + 1))
                {
                    yield return inner;
                }
            }
            else if (Types(resolved).Contains("array") && Resolve(resolved?["items"], schemas) is { } item)
            {
                if (item["properties"] is JsonObject)
                {
                    foreach (var inner in Properties(item, schemas, field + "[0].", value => here(new JsonArray(value)), depth + 1))
                    {
                        yield return inner;
                    }
                }
                else
                {
                    yield return (field + "[0]", item, value => here(new JsonArray(value)));
                }
            }
        }
    }

    private static string Url(string path, string unit)
    {
        var segments = path.Split('/').Select(segment =>
            segment == "{unit}" ? unit
            : segment.StartsWith('{') ? Guid.CreateVersion7().ToString()
            : segment);
        return string.Join('/', segments);
    }

    private static JsonNode? Resolve(JsonNode? node, JsonObject? schemas)
    {
        for (var depth = 0; depth < 5 && node?["$ref"]?.GetValue<string>() is { } reference; depth++)
        {
            node = schemas?[reference.Split('/')[^1]];
        }

        return node;
    }

    private static HashSet<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray array => array.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
