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

                var schema = Resolve(schemaRef, schemas);
                foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
                {
                    if (Skipped.Contains(name))
                    {
                        continue;
                    }

                    var resolved = Resolve(property, schemas);
                    var types = Types(resolved);
                    if (resolved?["enum"] is JsonArray)
                    {
                        cases.Add(new Case(verb, url, "unknown-enum-value", Body(name, JsonValue.Create("NoSuchValueZ")), name));
                    }
                    else if (types.Contains("string") && resolved?["format"] is null)
                    {
                        cases.Add(new Case(verb, url, "too-long", Body(name, JsonValue.Create(new string('x', 20_000))), name));
                        cases.Add(new Case(verb, url, "not-nfc", Body(name, JsonValue.Create("Ke\u0302\u0301 hoa\u0323ch")), name));
                        cases.Add(new Case(verb, url, "control-characters", Body(name, JsonValue.Create("tên\u0007\u0000")), name));
                    }
                    else if (types.Contains("integer") || types.Contains("number"))
                    {
                        cases.Add(new Case(verb, url, "negative", Body(name, JsonValue.Create(-1)), name));
                        cases.Add(new Case(verb, url, "wrong-type", Body(name, new JsonObject { ["nested"] = true }), name));
                    }
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
                    context.Request.Method = c.Method;
                    context.Request.Path = c.Url;
                    context.Request.ContentType = "application/json";
                    context.Request.Body = new MemoryStream(bytes);
                    context.Request.ContentLength = bytes.Length;
                });
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

        if (c.Field is null || c.Name is "unknown-enum-value" or "wrong-type")
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
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("fieldErrors", out var errors) &&
               errors.EnumerateArray().Any(e => e.GetProperty("field").GetString() is { } f &&
                   (f.Equals(field, StringComparison.OrdinalIgnoreCase) || f.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) ||
                    f.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)));
    }

    private static string Body(string name, JsonNode? value) => new JsonObject { [name] = value }.ToJsonString();

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
