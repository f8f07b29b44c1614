using Alba;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

public static class DistrictPlanTestData
{
    public const string District = "bien-hoa";

    public static string PlanUrl(Guid id, string tail = "", string district = District) => $"/api/units/{district}/district-plans/{id}{tail}";

    public static Task<Guid> AdoptAsync(this IAlbaHost host, Guid templateId, string district = District) =>
        host.CreateAsync($"/api/units/{district}/district-plans", new AdoptTemplate(templateId, 1));

    public static Task<DistrictPlan> GetPlanAsync(this IAlbaHost host, Guid id, string district = District) =>
        host.GetJsonAsync<DistrictPlan>(PlanUrl(id, district: district));

    /// <summary>POSTs a step on a plan at its current version; expects 204.</summary>
    public static async Task StepAsync(this IAlbaHost host, Guid id, string step, Func<long, object> command, string district = District)
    {
        var plan = await host.GetPlanAsync(id, district);
        await host.Scenario(s =>
        {
            s.Post.Json(command(plan.Version), JsonStyle.MinimalApi).ToUrl(PlanUrl(id, "/" + step, district));
            s.StatusCodeShouldBe(204);
        });
    }

    public static Task SubmitAsync(this IAlbaHost host, Guid id, string district = District) =>
        host.StepAsync(id, "submit", v => new SubmitDistrictPlan(v), district);

    public static Task ApproveAsync(this IAlbaHost host, Guid id, string district = District) =>
        host.StepAsync(id, "approve", v => new ApproveDistrictPlan(v), district);

    /// <summary>A published template adopted by <paramref name="district"/>: the plan id.</summary>
    public static async Task<Guid> AdoptedPlanAsync(this IAlbaHost host, string district = District) =>
        await host.AdoptAsync(await host.PublishedTemplateAsync(), district);
}
