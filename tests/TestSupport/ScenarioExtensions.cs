using System.Text.Json;
using System.Text.Json.Serialization;
using Alba;
using Wolverine.Http;

namespace BhxhPlatform.TestSupport;

public static class ScenarioExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>POSTs a command that creates a stream and returns the new id (expects 201).</summary>
    public static async Task<Guid> CreateAsync(this IAlbaHost host, string url, object command)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
            s.StatusCodeShouldBe(201);
        });
        var created = await result.ReadAsJsonAsync<CreationResponse<Guid>>();
        return created!.Value;
    }

    /// <summary>The response's bytes (a download), read through Alba's own reading of the body, which copies a body it cannot rewind.</summary>
    public static Task<byte[]> ReadBytesAsync(this IScenarioResult result) =>
        ((ScenarioResult)result).ReadAsync(async body =>
        {
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy);
            return copy.ToArray();
        });

    public static async Task<T> GetJsonAsync<T>(this IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        var text = await result.ReadAsTextAsync();
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>GETs as the caller of the given bearer header ("Bearer …").</summary>
    public static async Task<T> GetJsonAsync<T>(this IAlbaHost host, string url, string authorization)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Authorization", authorization);
            s.StatusCodeShouldBeOk();
        });
        var text = await result.ReadAsTextAsync();
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>POSTs a command expected to be refused and returns the problem's field errors by field.</summary>
    public static async Task<ProblemBody> PostExpectingProblemAsync(this IAlbaHost host, string url, object command, int status = 400)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), Json)!;
    }
}

/// <summary>The parts of a problem-details answer the tests read.</summary>
public sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, IReadOnlyList<FieldErrorBody>? FieldErrors)
{
    public IReadOnlyList<string> Fields => FieldErrors?.Select(e => e.Field).ToList() ?? [];
}

public sealed record FieldErrorBody(string Field, string Code, string Vi, string En);
