using Alba;
using System.Text.Json;

namespace BhxhPlatform.Planning.Tests;

[Collection(PlanningCollection.Name)]
public sealed class OpenApiTests(PlanningFixture fixture)
{
    [Fact]
    public async Task Every_use_case_is_in_the_openapi_document_under_its_tag()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBeOk();
        });
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = document.RootElement.GetProperty("paths");

        var tagsByPath = paths.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateObject().SelectMany(op => op.Value.TryGetProperty("tags", out var tags)
                ? tags.EnumerateArray().Select(t => t.GetString()!) : []).ToList());

        tagsByPath["/api/catalogue/lines"].ShouldContain("Catalogue");
        tagsByPath["/api/organisation/provinces/{province}/districts"].ShouldContain("Organisation");
        tagsByPath["/api/units/{unit}/plan-templates/{id}/publish"].ShouldContain("Plan templates");
        tagsByPath["/api/units/{unit}/plan-templates/from-catalogue"].ShouldContain("Plan templates");
        tagsByPath["/api/units/{unit}/district-plans/{id}/approve"].ShouldContain("District plans");
        tagsByPath["/api/units/{unit}/rollouts"].ShouldContain("Rollouts");
        tagsByPath["/api/units/{unit}/progress/years/{year}"].ShouldContain("Progress");
        tagsByPath["/api/units/{unit}/worklists/overdue-lines"].ShouldContain("Worklists");
    }
}
