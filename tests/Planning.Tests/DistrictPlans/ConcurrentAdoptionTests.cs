using Alba;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Tests.Templates;

namespace BhxhPlatform.Planning.Tests.DistrictPlans;

[Collection(PlanningCollection.Name)]
public sealed class ConcurrentAdoptionTests(PlanningFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_adoptions_of_one_district_and_year_at_the_same_moment_give_one_plan_and_one_conflict()
    {
        var template = await fixture.Host.PublishedTemplateAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Post.Json(new AdoptTemplate(template, 1), JsonStyle.MinimalApi).ToUrl($"/api/units/{DistrictPlanTestData.District}/district-plans");
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        statuses.Count(s => s == 201).ShouldBe(1);
        statuses.Where(s => s != 201).ShouldAllBe(s => s == 409, string.Join(",", statuses));
    }
}
