using System.Security.Cryptography;
using BhxhPlatform.DevTokens;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.TestSupport;

/// <summary>Bearer tokens for tests, signed with a key made for this test run.</summary>
public static class TestTokens
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public const string Province = "dong-nai";

    public static string For(string role, string unit, string? user = null) =>
        TokenMinter.Mint(SigningKey, user ?? $"{role}@{unit}", role, unit);

    /// <summary>The default caller of the service tests: the provincial administrator of Đồng Nai.</summary>
    public static string ProvincialAdministrator => For(PlatformRoles.ProvincialAdministrator, Province, "admin.dong-nai");
}
