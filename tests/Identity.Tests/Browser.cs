using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.Identity.Tests;

/// <summary>
/// A person's browser without JavaScript, as an HttpClient: it keeps cookies, follows redirects inside
/// the identity service by hand, and submits the pages' HTML forms with their anti-forgery token. It
/// stops at a redirect that leaves the identity service (the client's redirect URI, carrying the code).
/// </summary>
public sealed partial class Browser(Uri identity) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = identity };

    public sealed record Page(Uri Url, HttpStatusCode Status, string Html, Uri? LeftTo);

    public Task<Page> OpenAsync(string url) => FollowAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Fills the page's form (its hidden fields and anti-forgery token kept) and posts it where it came from.</summary>
    public Task<Page> SubmitAsync(Page page, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        var values = HiddenInput().Matches(page.Html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        values.ShouldContainKey("__RequestVerificationToken", "the form carries an anti-forgery token");
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return FollowAsync(new HttpRequestMessage(HttpMethod.Post, page.Url) { Content = new FormUrlEncodedContent(values) });
    }

    private async Task<Page> FollowAsync(HttpRequestMessage request)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await _client.SendAsync(request);
            var url = new Uri(_client.BaseAddress!, request.RequestUri!);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb))
            {
                return new Page(url, response.StatusCode, await response.Content.ReadAsStringAsync(), null);
            }

            var location = new Uri(url, response.Headers.Location!);
            if (location.Authority != _client.BaseAddress!.Authority)
            {
                return new Page(url, response.StatusCode, "", location);
            }

            request = new HttpRequestMessage(HttpMethod.Get, location);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>A PKCE pair: the verifier kept by the client, the S256 challenge sent with the authorization request.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string redirectUri, string scope, string challenge, string state = "st") =>
        $"/connect/authorize?client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}&response_type=code" +
        $"&scope={Uri.EscapeDataString(scope)}&code_challenge={challenge}&code_challenge_method=S256&state={state}";

    public static string? Query(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name) is [_, var value] ? Uri.UnescapeDataString(value) : null;

    /// <summary>POSTs to the token endpoint as a client would (no cookies).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(IReadOnlyDictionary<string, string> form)
    {
        using var client = new HttpClient { BaseAddress = _client.BaseAddress };
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"[^>]*>|<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"(?<value>[^\"]*)\"[^>]*>")]
    private static partial Regex HiddenInput();
}
