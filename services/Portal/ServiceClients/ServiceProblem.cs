using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using BhxhPlatform.Portal.Localization;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>One rejected field of a service's problem (RFC 9457 <c>fieldErrors</c>): its JSON path, a code, and the message in both languages.</summary>
public sealed record FieldError(string Field, string Code, string Vi, string En)
{
    public string Message => PortalLocalization.IsEnglish ? En : Vi;
}

/// <summary>What a service answered instead of doing what was asked: a 400 with field errors, a 409 conflict, a 422 refusal.</summary>
public sealed record ServiceProblem(int Status, string? Type, string? Title, string? Detail, string? Code, IReadOnlyList<FieldError> FieldErrors)
{
    /// <summary>Someone else changed the record first (the stream version moved on).</summary>
    public bool IsConcurrencyConflict => Status == (int)HttpStatusCode.Conflict && Code == "concurrency-conflict";

    public bool IsConflict => Status == (int)HttpStatusCode.Conflict;

    public string LocalTitle => Display.Half(Title);

    public string LocalDetail => Display.Half(Detail);

    /// <summary>The errors of one field (exact JSON path, after removing <paramref name="prefix"/>), or of its items (<c>teamMembers[1]</c> for <c>teamMembers</c>).</summary>
    public IEnumerable<FieldError> For(string field, string prefix = "") =>
        FieldErrors.Where(e => Strip(e.Field, prefix) is var f && (f == field || f.StartsWith(field + "[", StringComparison.Ordinal)));

    internal static string Strip(string field, string prefix) =>
        prefix.Length > 0 && field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field;

    public static async Task<ServiceProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(response);
        Body? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<Body>(JsonSerializerOptions.Web, cancellation);
        }
        catch (JsonException)
        {
            // A body that is not a problem still leaves the status to go by.
        }

        return new ServiceProblem((int)response.StatusCode, body?.Type, body?.Title, body?.Detail, body?.Code, body?.FieldErrors ?? []);
    }

    private sealed record Body(string? Type, string? Title, string? Detail, string? Code, [property: JsonPropertyName("fieldErrors")] IReadOnlyList<FieldError>? FieldErrors);
}

/// <summary>The answer to a write: done (with what it returned) or a <see cref="ServiceProblem"/> to show beside the fields.</summary>
public sealed record ServiceResult<T>(T? Value, ServiceProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A service did not answer, or answered with a server error: the error page says which one, readably.</summary>
public sealed class ServiceUnavailableException(string service, Exception? inner = null)
    : Exception($"The {service} service is not available.", inner)
{
    public string Service { get; } = service;
}

/// <summary>The service refused the signed-in person this operation (403).</summary>
public sealed class ServiceForbiddenException(string service) : Exception($"The {service} service refused the operation.")
{
    public string Service { get; } = service;
}
