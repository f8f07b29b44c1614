using System.Security.Cryptography;
using BhxhPlatform.Contracts;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Identity.Tests;

/// <summary>Outside Development nothing falls back to a development key: a service without its keys stops at once and says which.</summary>
public sealed class StartUpTests
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static Dictionary<string, string> Production(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__bhxh"] = NoDatabase };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    [Fact]
    public async Task A_service_without_a_trusted_issuer_does_not_start()
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(ServiceNames.Planning, Production(), Patience);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("'Auth:Authority' is not configured");
    }

    [Fact]
    public async Task A_service_refuses_a_shared_secret_as_trusted_key()
    {
        var oct = """{"keys":[{"kty":"oct","kid":"k","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}]}""";
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(ServiceNames.Planning,
            Production(("Auth__Issuer", "https://x.test/"), ("Auth__Jwks", oct)), Patience);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("only RSA and EC public keys are trusted");
    }

    [Fact]
    public async Task The_identity_service_without_its_signing_key_does_not_start()
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(ServiceNames.Identity, Production(("Identity__Issuer", "https://id.test/")), Patience);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("'Identity:SigningKey' is not configured");
    }

    [Fact]
    public async Task The_identity_service_refuses_keys_shorter_than_their_minimum()
    {
        var weakRsa = RSA.Create(1024).ExportPkcs8PrivateKeyPem();
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(ServiceNames.Identity,
            Production(("Identity__Issuer", "https://id.test/"), ("Identity__SigningKey", weakRsa)), Patience);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("at least 2048 are required");

        (exitCode, output) = await ServiceProcess.RunUntilExitAsync(ServiceNames.Identity, Production(
            ("Identity__Issuer", "https://id.test/"), ("Identity__SigningKey", TestSigningKey.Rsa().PrivatePem()),
            ("Identity__EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)))), Patience);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("at least 32 bytes (256 bits)");
    }

    [Fact]
    public async Task The_identity_service_needs_the_portal_clients_secret_when_it_serves_the_portal()
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(ServiceNames.Identity, Production(
            ("Identity__Issuer", "https://id.test/"), ("Identity__SigningKey", TestSigningKey.Rsa().PrivatePem()),
            ("Identity__EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), ("Identity__PortalUrl", "https://portal.test")), Patience);
        exitCode.ShouldNotBe(0);
        output.ShouldContain("'Identity:Clients:Portal:Secret' is not configured");
    }
}
