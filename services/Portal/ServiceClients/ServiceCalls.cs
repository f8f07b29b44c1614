using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>
/// How each typed client calls its service: reads throw <see cref="ServiceUnavailableException"/> when the
/// service is down (the error page explains) and give null for a 404; writes give the problem to show.
/// </summary>
public static class ServiceCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<T?> GetAsync<T>(this HttpClient http, string service, string path, CancellationToken cancellation)
        where T : class
    {
        using var response = await SendAsync(http, service, new HttpRequestMessage(HttpMethod.Get, path), cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Ensure(service, response);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellation);
    }

    /// <summary>
    /// A read the service may refuse for what was asked (a 400 with field errors, a 403 outside the caller's
    /// scope, a 404): the problem to show on the page instead of the error page. Down is still an exception.
    /// </summary>
    public static async Task<ServiceResult<T>> GetOrProblemAsync<T>(this HttpClient http, string service, string path, CancellationToken cancellation)
        where T : class
    {
        using var response = await SendAsync(http, service, new HttpRequestMessage(HttpMethod.Get, path), cancellation);
        if ((int)response.StatusCode is 400 or 403 or 404)
        {
            return new ServiceResult<T>(null, await ServiceProblem.ReadAsync(response, cancellation));
        }

        Ensure(service, response);
        return new ServiceResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellation), null);
    }

    /// <summary>A GET whose body is passed on as it arrives (a download): the response once its headers are read, for the caller to dispose.</summary>
    public static Task<HttpResponseMessage> GetStreamAsync(this HttpClient http, string service, string path, CancellationToken cancellation) =>
        SendAsync(http, service, new HttpRequestMessage(HttpMethod.Get, path), cancellation, HttpCompletionOption.ResponseHeadersRead);

    public static async Task<ServiceResult<T>> PostAsync<T>(this HttpClient http, string service, string path, object body, CancellationToken cancellation)
    {
        using var response = await SendAsync(http, service, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellation);
        if ((int)response.StatusCode is 400 or 404 or 409 or 412 or 422)
        {
            return new ServiceResult<T>(default, await ServiceProblem.ReadAsync(response, cancellation));
        }

        Ensure(service, response);
        var value = response.StatusCode == HttpStatusCode.Created && response.Content.Headers.ContentLength != 0
            ? await response.Content.ReadFromJsonAsync<T>(Json, cancellation)
            : default;
        return new ServiceResult<T>(value, null);
    }

    /// <summary>A write whose answer has a body on success whatever its status (a batch answers 200 with the ids it stored); refusals as <see cref="PostAsync{T}"/>.</summary>
    public static async Task<ServiceResult<T>> PostForAnswerAsync<T>(
        this HttpClient http, string service, string path, object body, CancellationToken cancellation)
        where T : class
    {
        using var response = await SendAsync(http, service, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, cancellation);
        if ((int)response.StatusCode is 400 or 404 or 409 or 412 or 422)
        {
            return new ServiceResult<T>(null, await ServiceProblem.ReadAsync(response, cancellation));
        }

        Ensure(service, response);
        return new ServiceResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellation), null);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, string service, HttpRequestMessage request, CancellationToken cancellation, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, completion, cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                      && !cancellation.IsCancellationRequested)
            {
                throw new ServiceUnavailableException(service, e);
            }
        }
    }

    private static void Ensure(string service, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new ServiceForbiddenException(service);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceUnavailableException(service);
        }
    }
}

/// <summary>What a POST that creates answers: the new record's id.</summary>
public sealed record Created(string Url, Guid Value);
