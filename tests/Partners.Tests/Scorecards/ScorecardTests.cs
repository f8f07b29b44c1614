using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Partners.Scorecards;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;

namespace BhxhPlatform.Partners.Tests.Scorecards;

[Collection(PartnersCollection.Name)]
public sealed class ScorecardTests(PartnersFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Activities_co_run_by_a_partner_count_once_each_on_its_scorecard()
    {
        var partner = Guid.CreateVersion7();
        var first = new ActivityRecorded(Guid.CreateVersion7(), Guid.CreateVersion7(), "2.03", "2", "MassMedia", null, new DateOnly(2026, 3, 1), 500, [partner]);
        var second = first with { ActivityId = Guid.CreateVersion7(), PeopleReached = 30 };

        await fixture.Host.InvokeMessageAndWaitAsync(first, "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(first, "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(second, "bien-hoa");

        var scorecard = await fixture.Host.GetJsonAsync<PartnerScorecard>($"/api/units/bien-hoa/partners/{partner}/scorecard");
        scorecard.ShouldBe(new PartnerScorecard(partner, 2, 530));
    }
}
