using Alba;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Directory;

/// <summary>
/// Outreach learns the unit tree from Planning (UnitTreeChanged): an activity's commune must belong to the unit
/// on the activity's date, whatever the plan's approval listed.
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class CommuneOnTheDateTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";
    private const string Commune = "bien-hoa.trang-dai";
    private static readonly DateOnly Moved = new(2026, 4, 1);

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The tree Planning would announce: version 1 before, version 2 after moving the commune from bien-hoa to long-thanh on 1 April 2026.</summary>
    private static UnitTreeChanged Tree(int version) =>
        AnnouncedTrees.CommuneMoved(Province, District, OtherDistrict, Commune, version > 1 ? Moved : null, version);

    private static LogActivity On(int month, int day) =>
        DirectContact() with { StartedAt = Local(month, day, 8), EndedAt = Local(month, day, 10), CommuneId = Commune };

    private async Task<int> EventCountAsync()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Events.CommandEvents().CountAsync();
    }

    [Fact]
    public async Task An_activity_in_a_commune_that_did_not_belong_to_the_unit_on_its_date_is_refused()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Tree(2), Province);

        await fixture.Host.CreateAsync($"/api/units/{District}/activities", On(3, 31));
        var events = await EventCountAsync();
        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/activities", On(4, 1));

        var error = problem.FieldErrors.ShouldNotBeNull().ShouldHaveSingleItem();
        (error.Field, error.Code).ShouldBe(("communeId", "not-in-unit"));
        error.En.ShouldContain("2026-04-01");
        (await EventCountAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task A_prospect_in_a_commune_that_did_not_belong_to_the_unit_on_the_day_of_consent_is_refused()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Tree(2), Province);
        var url = $"/api/units/{District}/prospects";

        await fixture.Host.CreateAsync(url, Prospect("0912345678") with { ConsentRecordedAt = Local(3, 31, 23, 30) });
        var events = await EventCountAsync();
        // 1 April 2026 00:30 in Vietnam is still 31 March in UTC: the day is Vietnam's.
        var problem = await fixture.Host.PostExpectingProblemAsync(url, Prospect("0987654321") with { ConsentRecordedAt = Local(4, 1, 0, 30) });

        var error = problem.FieldErrors.ShouldNotBeNull().ShouldHaveSingleItem();
        (error.Field, error.Code).ShouldBe(("communeId", "not-in-unit"));
        error.En.ShouldContain("2026-04-01");
        error.Vi.ShouldContain("2026-04-01");
        (await EventCountAsync()).ShouldBe(events);

        // The unit it moved to records it.
        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/prospects", Prospect("0987654321") with { ConsentRecordedAt = Local(4, 1, 0, 30) });
    }

    [Fact]
    public async Task An_older_tree_after_a_newer_one_changes_nothing()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Tree(2), Province);
        await fixture.Host.InvokeMessageAndWaitAsync(Tree(1), Province);

        await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/activities", On(5, 2));
        await using var session = fixture.Store.QuerySession(Province);
        (await session.LoadAsync<KnownUnitTree>(Province)).ShouldNotBeNull().TreeVersion.ShouldBe(2);
    }
}
