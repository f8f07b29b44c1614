using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BhxhPlatform.DemoData;

/// <summary>What a service answered: its status and its JSON body (a problem when it refused).</summary>
public sealed record ApiAnswer(HttpStatusCode Status, JsonElement Body, Uri? Location = null)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The problem's code (<c>user-name-taken</c>, …) when the service refused with one.</summary>
    public string? ProblemCode => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>The id of what was created: in the body, or the last segment of its address (a 202 of a rollout has no body).</summary>
    public Guid Id => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("id", out var id) ? id.GetGuid()
        : Location is { } location ? Guid.Parse(location.OriginalString.TrimEnd('/').Split('/')[^1])
        : throw new DemoDataException($"The answer {(int)Status} names nothing created: {Body}");
}

/// <summary>A call the services refused: the loader stops with the problem they returned.</summary>
public sealed class DemoDataException(string message) : Exception(message);

/// <summary>
/// The services' HTTP APIs, called as a demo person: each person signs in with the identity service's
/// <c>demo-data</c> client (the password grant, Development only), so every fact the loader writes is an
/// event with that person as its author. Tokens are kept until a minute before they expire.
/// </summary>
public sealed class DemoApi(LoaderSettings settings, HttpClient http)
{
    public const string Password = "Demo@2026";
    private const string Scopes = "openid profile roles planning outreach partners identity";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Dictionary<string, (string Token, DateTimeOffset Until)> _tokens = [];

    public LoaderSettings Settings => settings;

    public async Task<JsonElement> GetAsync(string person, Uri service, string path, CancellationToken cancellation)
    {
        var answer = await SendAsync(person, HttpMethod.Get, service, path, null, cancellation);
        return answer.Succeeded ? answer.Body : throw Refused("GET", path, person, answer);
    }

    /// <summary>A GET that may answer 404 (null then).</summary>
    public async Task<JsonElement?> FindAsync(string person, Uri service, string path, CancellationToken cancellation)
    {
        var answer = await SendAsync(person, HttpMethod.Get, service, path, null, cancellation);
        return answer.Status == HttpStatusCode.NotFound ? null
            : answer.Succeeded ? answer.Body : throw Refused("GET", path, person, answer);
    }

    /// <summary>A POST whose refusal the caller handles itself.</summary>
    public Task<ApiAnswer> TryPostAsync(string person, Uri service, string path, object body, CancellationToken cancellation) =>
        SendAsync(person, HttpMethod.Post, service, path, JsonContent.Create(body, options: Json), cancellation);

    public async Task<ApiAnswer> PostAsync(string person, Uri service, string path, object body, CancellationToken cancellation)
    {
        var answer = await TryPostAsync(person, service, path, body, cancellation);
        return answer.Succeeded ? answer : throw Refused("POST", path, person, answer);
    }

    public async Task<ApiAnswer> PostCsvAsync(string person, Uri service, string path, string csv, CancellationToken cancellation)
    {
        var answer = await SendAsync(person, HttpMethod.Post, service, path, new StringContent(csv, Encoding.UTF8, "text/csv"), cancellation);
        return answer.Succeeded ? answer : throw Refused("POST", path, person, answer);
    }

    /// <summary>Asks again until <paramref name="done"/> holds: what another service learns by message arrives a little later.</summary>
    public static async Task UntilAsync(string what, Func<Task<bool>> done, CancellationToken cancellation, TimeSpan? timeout = null)
    {
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new DemoDataException($"Gave up waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
        }
    }

    private async Task<ApiAnswer> SendAsync(string person, HttpMethod method, Uri service, string path, HttpContent? content, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, new Uri(service, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(person, cancellation));
        using var response = await http.SendAsync(request, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiAnswer(response.StatusCode, body, response.Headers.Location);
    }

    private async Task<string> TokenAsync(string person, CancellationToken cancellation)
    {
        if (_tokens.TryGetValue(person, out var kept) && kept.Until > DateTimeOffset.UtcNow)
        {
            return kept.Token;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "demo-data",
            ["client_secret"] = settings.ClientSecret,
            ["username"] = person,
            ["password"] = Password,
            ["scope"] = Scopes,
        });
        using var response = await http.PostAsync(new Uri(settings.Identity, "/connect/token"), form, cancellation);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation)).RootElement;
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoDataException($"{person} could not sign in with the demo-data client: {body}");
        }

        var token = body.GetProperty("access_token").GetString()!;
        var lifetime = body.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 600;
        _tokens[person] = (token, DateTimeOffset.UtcNow.AddSeconds(lifetime - 60));
        return token;
    }

    private static DemoDataException Refused(string method, string path, string person, ApiAnswer answer) =>
        new($"{method} {path} as {person} answered {(int)answer.Status}: {answer.Body}");
}
