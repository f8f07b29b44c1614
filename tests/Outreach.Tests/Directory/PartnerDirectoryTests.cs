using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;

namespace BhxhPlatform.Outreach.Tests.Directory;

[Collection(OutreachCollection.Name)]
public sealed class PartnerDirectoryTests(OutreachFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Partners_registered_in_a_district_are_listed_there_only_and_once()
    {
        var message = new PartnerRegistered(Guid.CreateVersion7(), "Hội Nông dân huyện", "UnionOrAssociation", null);

        await fixture.Host.InvokeMessageAndWaitAsync(message, "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(message, "bien-hoa");

        var known = await fixture.Host.GetJsonAsync<List<KnownPartner>>("/api/units/bien-hoa/known-partners");
        known.ShouldBe([new KnownPartner(message.PartnerId, "Hội Nông dân huyện", "UnionOrAssociation", null)]);
        (await fixture.Host.GetJsonAsync<List<KnownPartner>>("/api/units/long-thanh/known-partners")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_partner_told_of_is_an_event_of_its_stream_a_repeat_appends_nothing_and_the_rebuild_check_finds_the_entry_altered_by_hand()
    {
        var message = new PartnerRegistered(Guid.CreateVersion7(), "Đoàn Thanh niên xã Trảng Dài", "UnionOrAssociation", "bien-hoa.trang-dai");
        await fixture.Host.InvokeMessageAndWaitAsync(message, "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(message, "bien-hoa");
        await fixture.Host.InvokeMessageAndWaitAsync(message with { Name = "Đoàn Thanh niên phường Trảng Dài" }, "bien-hoa");

        await using (var session = fixture.Store.QuerySession("bien-hoa"))
        {
            (await session.Events.FetchStreamAsync(message.PartnerId)).Count.ShouldBe(2);
        }

        (await fixture.Host.GetJsonAsync<RebuildReport>("/api/units/bien-hoa/audit/rebuild-check")).Matches.ShouldBeTrue();
        await fixture.ExecuteSqlAsync(
            $"update outreach.mt_doc_knownpartner set data = jsonb_set(data, '{{name}}', '\"Hội khác\"') where id = '{message.PartnerId}'");

        var altered = await fixture.Host.GetJsonAsync<RebuildReport>("/api/units/bien-hoa/audit/rebuild-check");
        var difference = altered.Differences.ShouldHaveSingleItem();
        difference.AggregateType.ShouldBe(nameof(KnownPartner));
        difference.Rebuilt!.Value.GetProperty("name").GetString().ShouldBe("Đoàn Thanh niên phường Trảng Dài");
    }
}
