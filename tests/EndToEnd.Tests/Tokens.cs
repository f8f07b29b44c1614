using System.Net.Http.Headers;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>Tokens of the test issuer, for the services run as plain processes (they trust it by configuration).</summary>
internal static class Tokens
{
    public static HttpClient Authorise(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.ProvincialAdministrator);
        return client;
    }
}
