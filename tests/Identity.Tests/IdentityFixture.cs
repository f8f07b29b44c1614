using System.Security.Cryptography;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Identity.Tests;

/// <summary>
/// The identity service hosted in memory by Alba (account API, contract tests, password grant), with a
/// signing key made for this run. It trusts the test issuer (as every service under test) and itself.
/// </summary>
public sealed class IdentityFixture : ServiceFixture<Program>, IAsyncLifetime
{
    public const string Issuer = "http://identity.test/";
    public const string DemoDataSecret = "demo-data-secret-for-the-identity-tests";

    public static readonly TestSigningKey Key = TestSigningKey.Rsa();

    public IdentityFixture()
    {
        foreach (var (key, value) in Settings(Issuer, Key).Concat(Mail.Settings))
        {
            Environment.SetEnvironmentVariable(key, value);
        }
    }

    /// <summary>The mail server the service sends reminders through.</summary>
    public TestMailSink Mail { get; } = TestMailSink.Start();

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Mail.DisposeAsync();
    }

    /// <summary>What an identity service of these tests is configured with.</summary>
    public static Dictionary<string, string> Settings(string issuer, TestSigningKey key) => new()
    {
        ["Identity__Issuer"] = issuer,
        ["Identity__SigningKey"] = key.PrivatePem(),
        ["Identity__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Identity__PortalUrl"] = Portal,
        ["Identity__Clients__Portal__Secret"] = PortalSecret,
        ["Identity__Clients__DemoData__Secret"] = DemoDataSecret,
        ["Identity__ApiDocsUrls__0"] = ApiDocs,
    };

    public const string Portal = "http://portal.test";
    public const string PortalSecret = "portal-secret-for-the-identity-tests";
    public const string ApiDocs = "http://planning.test/api-docs";
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "Identity service";
}
