using System.Net;
using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>Each service of the running platform signs its checkpoints with the AppHost's audit key, into the folder it was given.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditCheckpointTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_auditor_has_each_service_sign_a_checkpoint_outside_the_database_with_the_one_published_key()
    {
        var keys = new HashSet<string>();
        foreach (var service in ServiceNames.All)
        {
            using var auditor = platform.Client(service, "auditor.dong-nai");
            using var written = await auditor.PostAsync(new Uri("/api/units/bien-hoa/audit/checkpoints", UriKind.Relative), null);
            written.StatusCode.ShouldBe(HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
            var checkpoint = JsonDocument.Parse(await written.Content.ReadAsStringAsync()).RootElement.GetProperty("checkpoint");
            checkpoint.GetProperty("tenantId").GetString().ShouldBe("bien-hoa");
            checkpoint.GetProperty("algorithm").GetString().ShouldBe("ES256");

            var key = JsonDocument.Parse(await auditor.GetStringAsync(new Uri("/api/units/bien-hoa/audit/checkpoints/public-key", UriKind.Relative))).RootElement;
            key.GetProperty("keyId").GetString().ShouldBe(checkpoint.GetProperty("keyId").GetString());
            keys.Add(key.GetProperty("publicKeyPem").GetString()!);
            Directory.EnumerateFiles(Path.Combine(platform.CheckpointFolder, service, "bien-hoa"), "*.json").ShouldNotBeEmpty();
        }

        keys.Count.ShouldBe(1);
    }
}
