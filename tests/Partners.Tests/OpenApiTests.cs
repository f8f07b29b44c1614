using System.Text.Json;
using Alba;

namespace BhxhPlatform.Partners.Tests;

[Collection(PartnersCollection.Name)]
public sealed class OpenApiTests(PartnersFixture fixture)
{
    [Theory]
    [InlineData("/api/units/{unit}/partners/{id}/suspend", "post", "Partners")]
    [InlineData("/api/units/{unit}/agreements/{id}/sign", "post", "Agreements")]
    [InlineData("/api/units/{unit}/agreements/expiring-soon", "get", "Agreements")]
    [InlineData("/api/units/{unit}/trainings/quarterly-rule", "get", "Trainings")]
    [InlineData("/api/units/{unit}/collaborators", "post", "Collaborators")]
    [InlineData("/api/units/{unit}/commendations", "post", "Commendations")]
    [InlineData("/api/units/{unit}/partners/{id}/scorecard", "get", "Partners")]
    public async Task Every_module_is_described_under_its_tag(string path, string method, string tag)
    {
        var result = await fixture.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldContain(tag);
    }

    [Fact]
    public async Task A_change_describes_the_version_it_answers_with()
    {
        var result = await fixture.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());

        var ok = document.RootElement.GetProperty("paths").GetProperty("/api/units/{unit}/agreements/{id}/renew")
            .GetProperty("post").GetProperty("responses").GetProperty("200");
        ok.GetRawText().ShouldContain("Written");
    }
}
