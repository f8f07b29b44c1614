using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.Identity.Tests;

/// <summary>What Planning (a resource server trusting the identity service's published keys) accepts and refuses.</summary>
[Collection(SignInCollection.Name)]
public sealed class TokenValidationTests(SignInFixture fixture)
{
    private const string OwnUnit = "/api/units/bien-hoa/district-plans/years/2026/all";

    private async Task<HttpStatusCode> CallAsync(string token, string url = OwnUnit)
    {
        using var client = fixture.Planning.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private static string Unsigned(object header, object payload) =>
        $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(header))}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}";

    private object Payload(string? issuer = null) => new
    {
        iss = issuer ?? fixture.Issuer,
        aud = new[] { ServiceNames.Planning },
        sub = "mallory",
        preferred_username = "mallory",
        role = PlatformRoles.DistrictOfficer,
        unit = "bien-hoa",
        iat = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds(),
        nbf = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds(),
        exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
    };

    [Fact]
    public async Task A_token_signed_with_the_published_key_for_this_audience_is_accepted()
    {
        (await CallAsync(fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa"))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_token_is_refused() =>
        (await CallAsync(fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa", expires: DateTime.UtcNow.AddMinutes(-2)))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_of_another_issuer_signed_with_the_same_key_is_refused() =>
        (await CallAsync(fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa", issuer: "https://evil.test/"))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_for_another_service_is_refused() =>
        (await CallAsync(fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa", audiences: [ServiceNames.Outreach]))).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_unsigned_token_alg_none_is_refused() =>
        (await CallAsync(Unsigned(new { alg = "none", typ = "JWT" }, Payload()) + ".")).ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_hs256_token_keyed_with_the_published_public_key_is_refused()
    {
        // Algorithm confusion: the attacker knows the public key and uses it as an HMAC secret.
        var jwks = await fixture.Identity.Client().GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative));
        var published = JsonDocument.Parse(jwks).RootElement.GetProperty("keys")[0];
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(published.GetProperty("n").GetString()),
            Exponent = Base64UrlEncoder.DecodeBytes(published.GetProperty("e").GetString()),
        });
        foreach (var secret in new[] { Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()), Encoding.UTF8.GetBytes(jwks) })
        {
            var unsigned = Unsigned(new { alg = "HS256", typ = "JWT", kid = published.GetProperty("kid").GetString() }, Payload());
            var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned)));
            (await CallAsync($"{unsigned}.{signature}")).ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_issuer_never_published_is_refused()
    {
        var stranger = TestSigningKey.Rsa();
        (await CallAsync(fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa", key: stranger))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_second_issuer_named_by_configuration_is_accepted_with_its_own_claim_names()
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "S-1-5-21-agency-0042",
            ["upn"] = "lan.nguyen@bhxh.gov.vn",
            ["groups"] = new[] { "BHXH-CanBoTruyenThong", "Everyone" },
            ["bhxh_unit"] = "bien-hoa",
        };
        var token = SignInFixture.AgencyKey.Mint(claims, SignInFixture.AgencyIssuer, [ServiceNames.Planning]);
        (await CallAsync(token)).ShouldBe(HttpStatusCode.OK);
        (await CallAsync(token, "/api/units/long-thanh/district-plans/years/2026/all")).ShouldBe(HttpStatusCode.Forbidden);

        // Its key is trusted for its issuer only.
        (await CallAsync(SignInFixture.AgencyKey.Mint(claims, fixture.Issuer, [ServiceNames.Planning]))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_a_key_rollover_tokens_of_the_new_key_are_accepted_and_those_of_the_old_one_until_they_expire()
    {
        var before = fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa");
        (await CallAsync(before)).ShouldBe(HttpStatusCode.OK);

        // The operator puts a new key first and keeps the old one published.
        var next = TestSigningKey.Rsa();
        await fixture.Identity.RestartAsync(new Dictionary<string, string?>
        {
            ["Identity__SigningKey"] = next.PrivatePem(),
            ["Identity__RetiredSigningKeys__0"] = SignInFixture.IdentityKey.PrivatePem(),
        });
        var kids = JsonDocument.Parse(await fixture.Identity.Client().GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative)))
            .RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        kids.ShouldBe([next.KeyId, SignInFixture.IdentityKey.KeyId]);

        // Planning has not seen the new key: the unknown kid makes it read the keys again (at most every 30 s).
        var signedWithNext = fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa", key: next);
        var status = await CallAsync(signedWithNext);
        for (var waited = 0; status != HttpStatusCode.OK && waited < 40; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            status = await CallAsync(signedWithNext);
        }

        status.ShouldBe(HttpStatusCode.OK);
        (await CallAsync(before)).ShouldBe(HttpStatusCode.OK);
        (await CallAsync(fixture.Mint(PlatformRoles.DistrictOfficer, "bien-hoa"))).ShouldBe(HttpStatusCode.OK);

        // The fixture's key stays published (retired): the other tests of the collection may still mint with it.
    }
}
