using Alba;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Planning.Tests.Templates;

public static class TemplateTestData
{
    public const string Province = "dong-nai";

    public static PlanLineInput NewLine(string code = "3.1.99") => new(
        code, "3.1", "Hộ gia đình nông dân", "Hội nghị tại thôn, ấp", Contracts.CommunicationForm.Conference, "Theo kế hoạch",
        new FrequencySpec(FrequencyKind.PerPlan), "BHXH huyện", ["Hội Nông dân huyện"], null, CoordinationKind.None,
        ["Tổ chức hội nghị tuyên truyền tại thôn, ấp."]);

    public static Task<Guid> DraftFromCatalogueAsync(this IAlbaHost host, int year = 2026) =>
        host.CreateAsync($"/api/units/{Province}/plan-templates/from-catalogue", new DraftPlanTemplateFromCatalogue(year, $"Kế hoạch truyền thông năm {year}"));

    public static Task<PlanTemplate> GetTemplateAsync(this IAlbaHost host, Guid id) =>
        host.GetJsonAsync<PlanTemplate>($"/api/units/{Province}/plan-templates/{id}");

    public static async Task<int> PublishAsync(this IAlbaHost host, Guid id)
    {
        var template = await host.GetTemplateAsync(id);
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new PublishPlanTemplate(template.Version), JsonStyle.MinimalApi).ToUrl($"/api/units/{Province}/plan-templates/{id}/publish");
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<TemplatePublishedResponse>())!.PublishedVersion;
    }

    /// <summary>Drafts a template from the catalogue and publishes it as version 1.</summary>
    public static async Task<Guid> PublishedTemplateAsync(this IAlbaHost host, int year = 2026)
    {
        var id = await host.DraftFromCatalogueAsync(year);
        await host.PublishAsync(id);
        return id;
    }
}
