using System.Net.Http.Headers;
using System.Security.Cryptography;
using BhxhPlatform.DevTokens;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>The signing key handed to the services of this test run, and tokens made with it.</summary>
internal static class Tokens
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static HttpClient Authorise(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TokenMinter.Mint(SigningKey, "admin.dong-nai", "province-admin", "dong-nai"));
        return client;
    }
}
