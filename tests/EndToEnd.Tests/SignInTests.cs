using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>People signed in at the real identity service, calling the real services: the matrix with real tokens, the real author on events.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_identity_service_publishes_its_metadata_and_keys_at_the_address_the_services_trust()
    {
        using var identity = platform.App.CreateHttpClient(ServiceNames.Identity, "http");
        var discovery = JsonDocument.Parse(await identity.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).RootElement;
        discovery.GetProperty("issuer").GetString().ShouldBe(identity.BaseAddress!.AbsoluteUri);
        var jwks = JsonDocument.Parse(await identity.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!))).RootElement;
        jwks.GetProperty("keys").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task An_officer_works_in_its_own_district_only_and_an_auditor_reads_the_prospect_masked_with_the_officer_as_author()
    {
        using var officer = platform.Client(ServiceNames.Outreach, "officer.bien-hoa");
        var prospect = new
        {
            fullName = "Lê Thị Hoa", consentGiven = true, consentMethod = "Verbal",
            consentRecordedAt = DateTimeOffset.UtcNow.AddHours(-1), targetScheme = "VoluntarySocialInsurance",
            phone = "0912345678", email = "hoa.le@example.vn", communeId = "bien-hoa.trang-dai",
        };
        using var created = await officer.PostAsJsonAsync(new Uri("/api/units/bien-hoa/prospects", UriKind.Relative), prospect);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetGuid();

        using var elsewhere = await officer.PostAsJsonAsync(new Uri("/api/units/long-thanh/prospects", UriKind.Relative), prospect);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var auditor = platform.Client(ServiceNames.Outreach, "auditor.dong-nai");
        var seen = JsonDocument.Parse(await auditor.GetStringAsync(new Uri($"/api/units/bien-hoa/prospects/{id}", UriKind.Relative))).RootElement;
        seen.GetProperty("fullName").GetString().ShouldBe("L. T. H.");
        seen.GetProperty("contact").GetProperty("phone").GetString().ShouldBe("•••678");
        using var write = await auditor.PostAsJsonAsync(new Uri($"/api/units/bien-hoa/prospects/{id}/erase", UriKind.Relative), new { reason = "PersonRequested" });
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var events = JsonDocument.Parse(await auditor.GetStringAsync(new Uri($"/api/units/bien-hoa/audit/streams/{id}/events", UriKind.Relative))).RootElement;
        events[0].GetProperty("userName").GetString().ShouldBe("officer.bien-hoa");
    }
}

/// <summary>The AppHost outside Development: no development key, a message naming what is missing.</summary>
public sealed class AppHostStartUpTests
{
    [Fact]
    public async Task Outside_development_the_apphost_refuses_to_start_without_its_keys()
    {
        var refused = await Should.ThrowAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--environment=Production", "--ConnectionStrings:bhxh=Host=127.0.0.1;Port=1;Database=none"]));
        Flatten(refused).ShouldContain("The parameter 'identity-signing-key' is not configured");
    }

    [Fact]
    public async Task Outside_development_the_apphost_refuses_a_key_shorter_than_256_bits()
    {
        var refused = await Should.ThrowAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "--environment=Production", "--ConnectionStrings:bhxh=Host=127.0.0.1;Port=1;Database=none",
            $"--Parameters:identity-signing-key={TestSupport.TestSigningKey.Rsa().PrivatePem()}",
            $"--Parameters:identity-encryption-key={Convert.ToBase64String(new byte[16])}",
        ]));
        Flatten(refused).ShouldContain("'identity-encryption-key' must be base64 of at least 32 bytes");
    }

    [Fact]
    public async Task Outside_development_the_apphost_refuses_to_start_without_the_audit_signing_key()
    {
        var refused = await Should.ThrowAsync<Exception>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "--environment=Production", "--ConnectionStrings:bhxh=Host=127.0.0.1;Port=1;Database=none",
            $"--Parameters:identity-signing-key={TestSupport.TestSigningKey.Rsa().PrivatePem()}",
            $"--Parameters:identity-encryption-key={Convert.ToBase64String(new byte[32])}",
            $"--Parameters:portal-client-secret={new string('s', 40)}",
            $"--Parameters:personal-data-key={Convert.ToBase64String(new byte[32])}",
        ]));
        Flatten(refused).ShouldContain("The parameter 'audit-signing-key' is not configured");
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} | {Flatten(e.InnerException)}";
}
