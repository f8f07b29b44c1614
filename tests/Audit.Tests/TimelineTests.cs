using System.Text.Json;
using Alba;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Audit.Tests;

/// <summary>The auditor's timeline of one service: who, when, why, what, where, correlation and causation, masked, paged; auditors only.</summary>
[Collection(AuditCollection.Name)]
public sealed class TimelineTests(AuditFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_timeline_shows_who_when_why_type_stream_correlation_and_causation_and_masks_sealed_values()
    {
        var id = await fixture.LedgerAsync(District, "officer.bien-hoa", 100m);
        await using (var session = fixture.Store.LightweightSession(District))
        {
            session.LastModifiedBy = "officer.bien-hoa";
            session.CorrelationId = "corr-change";
            session.CausationId = "change-holder";
            session.Events.Append(id, 3, new LedgerHolderChanged(id, "Người giữ sổ nghỉ hưu", "enc:v1:abc:SECRET"));
            await session.SaveChangesAsync();
        }

        var page = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline");

        page.NextAfterSequence.ShouldBeNull();
        page.Entries.Select(e => e.Type).ShouldBe(["ledger_opened", "amount_recorded", "ledger_holder_changed"]);
        page.Entries.Select(e => e.Sequence).ShouldBeInOrder();
        page.Entries.ShouldAllBe(e => e.StreamId == id && e.UserName == "officer.bien-hoa" && e.TenantId == District);
        var change = page.Entries[^1];
        change.Reason.ShouldBe("Người giữ sổ nghỉ hưu");
        change.CorrelationId.ShouldBe("corr-change");
        change.CausationId.ShouldBe("change-holder");
        change.Version.ShouldBe(3);
        change.Data.GetProperty("holder").GetString().ShouldBe(Timeline.Hidden);
        change.Data.GetRawText().ShouldNotContain("SECRET");
        page.Entries[0].Reason.ShouldBeNull();
    }

    [Fact]
    public async Task The_timeline_filters_by_correlation_id_user_and_time_and_pages()
    {
        var first = await fixture.LedgerAsync(District, "alice", 1m);
        await using (var session = fixture.Store.LightweightSession(District))
        {
            session.LastModifiedBy = "alice";
            session.CorrelationId = "corr-one-command";
            session.Events.Append(first, 3, new AmountRecorded(first, 2m, "Một lệnh"));
            await session.SaveChangesAsync();
        }

        await fixture.LedgerAsync(District, "bob", 3m);

        var correlated = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline?correlationId=corr-one-command");
        correlated.Entries.ShouldHaveSingleItem().StreamId.ShouldBe(first);

        var bobs = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline?user=bob");
        bobs.Entries.Count.ShouldBe(2);

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));
        (await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline?from={future}")).Entries.ShouldBeEmpty();

        var one = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline?limit=3");
        one.Entries.Count.ShouldBe(3);
        one.NextAfterSequence.ShouldBe(one.Entries[^1].Sequence);
        var two = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline?limit=3&afterSequence={one.NextAfterSequence}");
        two.Entries.Count.ShouldBe(2);
        two.NextAfterSequence.ShouldBeNull();
    }

    [Theory]
    [InlineData(PlatformRoles.ProvincialAdministrator, "dong-nai")]
    [InlineData(PlatformRoles.DistrictOfficer, District)]
    [InlineData(PlatformRoles.CollectionAgent, District)]
    [InlineData(PlatformRoles.Partner, District)]
    public async Task The_timeline_refuses_everyone_but_the_auditor(string role, string ownUnit)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{District}/audit/timeline");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, ownUnit)}");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Bad_filters_are_named_field_by_field_in_vietnamese_and_english()
    {
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{District}/audit/timeline?from={from}&to={to}&limit=0");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        using var problem = JsonDocument.Parse(await result.ReadAsTextAsync());
        var errors = problem.RootElement.GetProperty("errors");
        errors.GetProperty("to")[0].GetString().ShouldBe("Thời điểm kết thúc phải sau thời điểm bắt đầu. / The end (to) must be after the start (from).");
        errors.GetProperty("limit")[0].GetString()!.ShouldContain("Số sự kiện mỗi trang");
    }

    [Fact]
    public void Merging_services_orders_by_time_then_service_then_sequence()
    {
        var t = DateTimeOffset.Parse("2026-12-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        TimelineEntry E(string service, long sequence, int seconds) =>
            new(service, sequence, t.AddSeconds(seconds), District, "u", "x", Guid.Empty, 1, null, "c", null, default);

        var merged = Timeline.Merge([
            [E("planning", 10, 2), E("planning", 11, 5)],
            [E("outreach", 3, 1), E("outreach", 4, 5)],
            [E("partners", 7, 3)],
        ]);

        merged.Select(e => $"{e.Service}:{e.Sequence}").ShouldBe(["outreach:3", "planning:10", "partners:7", "outreach:4", "planning:11"]);
    }
}
