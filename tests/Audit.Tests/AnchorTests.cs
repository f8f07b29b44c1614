using Alba;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Audit.Tests;

/// <summary>The unit's running chain, anchored, catches what per-stream chains cannot: a whole stream deleted.</summary>
[Collection(AuditCollection.Name)]
public sealed class AnchorTests(AuditFixture fixture) : IAsyncLifetime
{
    private const string District = "xuan-loc";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<AuditAnchor> AnchorAsync()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"/api/units/{District}/audit/anchors");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.ProvincialAdministrator}");
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<AuditAnchor>())!;
    }

    [Fact]
    public async Task Anchors_hold_while_the_history_is_intact_and_new_events_are_appended()
    {
        await fixture.LedgerAsync(District, "alice", 1m, 2m);
        var anchor = await AnchorAsync();
        anchor.Events.ShouldBe(3);
        await fixture.LedgerAsync(District, "bob", 3m);
        await AnchorAsync();

        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{District}/audit/verify");

        report.Intact.ShouldBeTrue();
        report.AnchorsChecked.ShouldBe(2);
        report.BrokenAnchors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_whole_stream_deleted_with_its_stream_row_breaks_the_anchor_after_it()
    {
        var deleted = await fixture.LedgerAsync(District, "alice", 1m, 2m);
        await fixture.LedgerAsync(District, "bob", 3m);
        await AnchorAsync();

        await fixture.ExecuteSqlAsync($"delete from {AuditFixture.Schema}.mt_events where stream_id = '{deleted}'");
        await fixture.ExecuteSqlAsync($"delete from {AuditFixture.Schema}.mt_streams where id = '{deleted}'");

        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{District}/audit/verify");

        report.Broken.ShouldBeEmpty();
        report.Intact.ShouldBeFalse();
        var broken = report.BrokenAnchors.ShouldHaveSingleItem();
        broken.RecordedEvents.ShouldBe(5);
        broken.CountedEvents.ShouldBe(2);
    }

    [Fact]
    public async Task Only_the_provincial_administrator_records_anchors()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"/api/units/{District}/audit/anchors");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province)}");
            s.StatusCodeShouldBe(403);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"/api/units/{District}/audit/anchors");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District)}");
            s.StatusCodeShouldBe(403);
        });
    }
}
