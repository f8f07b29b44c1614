using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class ActivityLogTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_log_filters_by_line_audience_commune_form_and_period_and_leaves_out_voided_activities()
    {
        var direct = await fixture.Host.CreateAsync(Url, DirectContact());
        var conference = await fixture.Host.CreateAsync(Url, Conference());
        var post = await fixture.Host.CreateAsync(Url, Post());
        var voided = await fixture.Host.CreateAsync(Url, DirectContact() with { CommuneId = "bien-hoa.tan-hanh" });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new VoidActivity(1, "Nhầm"), JsonStyle.MinimalApi).ToUrl($"{Url}/{voided}/void");
            s.StatusCodeShouldBe(202);
        });
        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/activities", DirectContact());

        async Task<Guid[]> Ids(string query) =>
            (await fixture.Host.GetJsonAsync<List<Activity>>($"{Url}{query}")).Select(a => a.Id).ToArray();

        (await Ids("")).ShouldBe([conference, post, direct]);
        (await Ids("?line=3.1.01")).ShouldBe([direct]);
        (await Ids("?audience=3.2")).ShouldBe([post]);
        (await Ids("?commune=bien-hoa.trang-dai")).ShouldBe([conference, direct]);
        (await Ids($"?form={CommunicationForm.Conference}")).ShouldBe([conference]);
        (await Ids($"?districtPlanId={DistrictPlan}&from=2026-11-19&to=2026-11-19")).ShouldBe([post]);
        (await Ids("?from=2026-11-20")).ShouldBe([direct]);
        (await Ids("?includeVoided=true&commune=bien-hoa.tan-hanh")).ShouldBe([voided]);
    }
}
