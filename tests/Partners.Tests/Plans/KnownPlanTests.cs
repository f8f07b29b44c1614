using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Partners.Plans;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Plans;

[Collection(PartnersCollection.Name)]
public sealed class KnownPlanTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly Guid Plan = Guid.Parse("0196b2a0-0000-7000-8000-0000000000a1");

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static DistrictPlanApproved Approval(int revision, params ApprovedPlanLine[] lines) =>
        new(Plan, 2026, revision, lines, ["bien-hoa.trang-dai"]);

    private Task<KnownPlan[]> KnownPlans(string unit = District) => fixture.Host.GetJsonAsync<KnownPlan[]>($"/api/units/{unit}/known-plans");

    [Fact]
    public async Task An_approval_is_kept_once_and_an_approved_amendment_replaces_it_but_never_an_older_one()
    {
        var first = Approval(1, new ApprovedPlanLine("3.1.01", "3.1", "DirectContact", 12));
        var amended = Approval(2, new ApprovedPlanLine("3.1.01", "3.1", "DirectContact", 12), new ApprovedPlanLine("6.01", "6", "Training", 4));

        await fixture.Host.InvokeMessageAndWaitAsync(first, District);
        await fixture.Host.InvokeMessageAndWaitAsync(first, District);
        (await KnownPlans()).ShouldHaveSingleItem().Lines.Select(l => l.Code).ShouldBe(["3.1.01"]);

        await fixture.Host.InvokeMessageAndWaitAsync(amended, District);
        await fixture.Host.InvokeMessageAndWaitAsync(first, District);

        var known = (await KnownPlans()).ShouldHaveSingleItem();
        known.Revision.ShouldBe(2);
        known.Lines.Select(l => (l.Code, l.AudienceCode, l.FormKind)).ShouldBe([("3.1.01", "3.1", "DirectContact"), ("6.01", "6", "Training")]);
        (await KnownPlans("long-thanh")).ShouldBeEmpty();
    }
}
