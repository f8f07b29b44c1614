using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Identity.Tests;

/// <summary>
/// The identity service and Planning as real processes on loopback ports, one throwaway PostgreSQL:
/// Planning trusts the identity service's published keys (Auth__Authority) and, by configuration
/// alone, a second issuer standing for the agency's single sign-on with its own claim names.
/// </summary>
public sealed class SignInFixture : IAsyncLifetime
{
    public const string AgencyIssuer = "https://sso.agency.test/realms/bhxh";

    /// <summary>The key the identity service signs with; the tests mint with it too, to try what Planning accepts.</summary>
    public static readonly TestSigningKey IdentityKey = TestSigningKey.Rsa();

    public static readonly TestSigningKey AgencyKey = TestSigningKey.Ec();

    private ThrowawayPostgres? _postgres;

    public ServiceProcess Identity { get; private set; } = null!;

    public ServiceProcess Planning { get; private set; } = null!;

    public string ConnectionString => _postgres!.ConnectionString;

    /// <summary>The identity service's issuer (its address, as its tokens name it).</summary>
    public string Issuer => Identity.BaseAddress.AbsoluteUri;

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        try
        {
            Identity = await ServiceProcess.StartAsync(ServiceNames.Identity, _postgres.ConnectionString, address => IdentityFixture.Settings(address.AbsoluteUri, IdentityKey));
            Planning = await ServiceProcess.StartAsync(ServiceNames.Planning, _postgres.ConnectionString, new Dictionary<string, string>
            {
                ["Auth__Authority"] = Identity.BaseAddress.AbsoluteUri,
                ["Auth__Issuers__agency-sso__Issuer"] = AgencyIssuer,
                ["Auth__Issuers__agency-sso__Jwks"] = TestSigningKey.Jwks(AgencyKey),
                ["Auth__Issuers__agency-sso__Claims__UserName"] = "upn",
                ["Auth__Issuers__agency-sso__Claims__Role"] = "groups",
                ["Auth__Issuers__agency-sso__Claims__Unit"] = "bhxh_unit",
                ["Auth__Issuers__agency-sso__Roles__BHXH-CanBoTruyenThong"] = PlatformRoles.DistrictOfficer,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A token as the identity service would sign it (same key, issuer and claims), for the validation tests.</summary>
    public string Mint(string role, string unit, IReadOnlyList<string>? audiences = null, DateTime? expires = null, TestSigningKey? key = null, string? issuer = null) =>
        TestTokens.Mint($"{role}.{unit}", [role], unit, null, audiences ?? [ServiceNames.Planning, ServiceNames.Identity], expires, key ?? IdentityKey, issuer ?? Issuer);

    /// <summary>Opens an account through the identity service's API as its provincial administrator; returns its id.</summary>
    public async Task<Guid> OpenAccountAsync(string unit, string userName, string role, Guid? organisation = null, string password = "Demo@2026")
    {
        using var client = Identity.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Mint(PlatformRoles.ProvincialAdministrator, "dong-nai"));
        using var response = await client.PostAsJsonAsync(new Uri($"/api/units/{unit}/accounts", UriKind.Relative), new
        {
            userName, displayName = "Trần Văn Bình", initialPassword = password, mustChangePassword = false,
            grants = new[] { new { role, organisationId = organisation, reason = "Tài khoản thử nghiệm" } },
        });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("value").GetGuid();
    }

    /// <summary>A command to the account API as the provincial administrator (suspend, reinstate, grant, withdraw).</summary>
    public async Task<HttpResponseMessage> AccountCommandAsync(string url, object body)
    {
        using var client = Identity.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Mint(PlatformRoles.ProvincialAdministrator, "dong-nai"));
        return await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
    }

    public async Task DisposeAsync()
    {
        if (Planning is not null)
        {
            await Planning.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInFixture>
{
    public const string Name = "Sign-in over real HTTP";
}
