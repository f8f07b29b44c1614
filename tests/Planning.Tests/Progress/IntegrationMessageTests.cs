using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Progress;

[Collection(PlanningCollection.Name)]
public sealed class IntegrationMessageTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(string line, int reached) => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), line, line[..3], "DirectContact", "bien-hoa.trang-dai",
        new DateOnly(2026, 11, 20), reached, []);

    [Fact]
    public async Task Activities_from_outreach_are_counted_per_plan_line_of_their_district()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("3.1.01", 12), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("3.1.01", 8), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("2.03", 40), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("2.03", 99), "long-thanh");

        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines");

        lines.ShouldBe([new LineActivityCount("2.03", 1, 40), new LineActivityCount("3.1.01", 2, 20)]);
    }

    [Fact]
    public async Task The_same_activity_message_twice_counts_once()
    {
        var message = Activity("3.1.01", 12);

        await fixture.Host.InvokeMessageAndWaitAsync(message, District);
        await fixture.Host.InvokeMessageAndWaitAsync(message, District);

        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines");
        lines.ShouldBe([new LineActivityCount("3.1.01", 1, 12)]);
    }

    [Fact]
    public async Task Partners_registered_in_a_district_are_known_to_planning()
    {
        var partnerId = Guid.CreateVersion7();

        await fixture.Host.InvokeMessageAndWaitAsync(
            new PartnerRegistered(partnerId, "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "CultureMediaCentre", null), District);

        await using var session = fixture.Store.QuerySession(District);
        var partner = await session.LoadAsync<KnownPartner>(partnerId);
        partner.ShouldBe(new KnownPartner(partnerId, "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "CultureMediaCentre", null));
    }
}
