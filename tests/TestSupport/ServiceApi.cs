using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// Calls on a service run as a process (end-to-end and fault tests): the provincial administrator's token,
/// creating through an API, and polling until the services agree.
/// </summary>
public static class ServiceApi
{
    /// <summary>The client calls as the provincial administrator, with a timeout long enough for a service's first request
    /// (Wolverine compiles its handlers then) on a busy machine.</summary>
    public static HttpClient Authorise(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.ProvincialAdministrator);
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    /// <summary>POSTs a create; the new id of a 201, null when the service refused it (a 4xx); a 5xx fails the test.</summary>
    public static async Task<Guid?> TryCreateAsync(HttpClient client, string url, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, $"POST {url}: {text}");
        return response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("value").GetGuid() : null;
    }

    /// <summary>POSTs a create that must succeed (201); the new id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient client, string url, object body) =>
        (await PostAsync(client, url, body, HttpStatusCode.Created))!.Value.GetProperty("value").GetGuid();

    /// <summary>POSTs and expects <paramref name="expected"/>; the body, or null for a 204.</summary>
    public static async Task<JsonElement?> PostAsync(HttpClient client, string url, object body, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        response.StatusCode.ShouldBe(expected, $"POST {url}: {await response.Content.ReadAsStringAsync()}");
        return expected == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until <paramref name="done"/> holds, at most <paramref name="patience"/>; then returns the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value) || clock.Elapsed > patience)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }
}
