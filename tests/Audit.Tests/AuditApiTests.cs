using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Audit.Tests;

[Collection(AuditCollection.Name)]
public sealed class AuditApiTests(AuditFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";
    private const string OtherDistrict = "long-thanh";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Tenant() => District;

    [Fact]
    public async Task The_events_of_a_stream_carry_sequence_version_type_data_time_user_tenant_correlation_causation_and_hash()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "officer.bien-hoa", 100m, 250m);

        var events = await fixture.Host.GetJsonAsync<List<AuditEvent>>($"/api/units/{tenant}/audit/streams/{id}/events");

        events.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        events.Select(e => e.Type).ShouldBe(["ledger_opened", "amount_recorded", "amount_recorded"]);
        events.ShouldAllBe(e => e.TenantId == tenant && e.UserName == "officer.bien-hoa" && e.Hash != null && e.Sequence > 0);
        events[0].CorrelationId.ShouldBe("corr-" + id.ToString("N")[..8]);
        events[1].CausationId.ShouldBe("record-100");
        events[2].Data.GetProperty("amount").GetDecimal().ShouldBe(250m);
        events[0].Data.GetProperty("name").GetString().ShouldBe("Sổ theo dõi của huyện");
        events[1].PreviousHash.ShouldBe(events[0].Hash);
    }

    [Fact]
    public async Task The_events_of_a_unit_filter_by_type_user_and_time_and_never_show_another_unit()
    {
        var tenant = Tenant();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await fixture.LedgerAsync(tenant, "alice", 1m);
        await fixture.LedgerAsync(tenant, "bob", 2m, 3m);
        await fixture.LedgerAsync(OtherDistrict, "bob", 4m);

        var all = await fixture.Host.GetJsonAsync<List<AuditEvent>>($"/api/units/{tenant}/audit/events");
        all.Count.ShouldBe(5);
        all.Select(e => e.Sequence).ShouldBeInOrder();

        var bobsAmounts = await fixture.Host.GetJsonAsync<List<AuditEvent>>($"/api/units/{tenant}/audit/events?type=amount_recorded&user=bob");
        bobsAmounts.Select(e => e.Data.GetProperty("amount").GetDecimal()).ShouldBe([2m, 3m]);

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));
        (await fixture.Host.GetJsonAsync<List<AuditEvent>>($"/api/units/{tenant}/audit/events?from={future}")).ShouldBeEmpty();
        var since = Uri.EscapeDataString(before.ToString("O"));
        (await fixture.Host.GetJsonAsync<List<AuditEvent>>($"/api/units/{tenant}/audit/events?from={since}")).Count.ShouldBe(5);
    }

    [Fact]
    public async Task An_aggregate_reads_as_of_a_version_and_as_of_a_time()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 100m);
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await using (var session = fixture.Store.LightweightSession(tenant))
        {
            session.Events.Append(id, 3, new AmountRecorded(id, 900m, "Bổ sung"));
            await session.SaveChangesAsync();
        }

        var atVersion2 = await fixture.Host.GetJsonAsync<JsonElement>($"/api/units/{tenant}/audit/streams/{id}/state?version=2");
        atVersion2.GetProperty("state").GetProperty("total").GetDecimal().ShouldBe(100m);
        atVersion2.GetProperty("aggregateType").GetString().ShouldBe(nameof(Ledger));

        var asOf = await fixture.Host.GetJsonAsync<JsonElement>(
            $"/api/units/{tenant}/audit/streams/{id}/state?asOf={Uri.EscapeDataString(between.ToString("O"))}");
        asOf.GetProperty("state").GetProperty("total").GetDecimal().ShouldBe(100m);

        // The same instant written in Vietnam's offset, as the portal sends it; and a time before the first event: no state yet.
        var vietnam = between.ToOffset(TimeSpan.FromHours(7));
        var asOfInVietnam = await fixture.Host.GetJsonAsync<JsonElement>(
            $"/api/units/{tenant}/audit/streams/{id}/state?asOf={Uri.EscapeDataString(vietnam.ToString("O"))}");
        asOfInVietnam.GetProperty("state").GetProperty("total").GetDecimal().ShouldBe(100m);
        var before = await fixture.Host.GetJsonAsync<JsonElement>(
            $"/api/units/{tenant}/audit/streams/{id}/state?asOf={Uri.EscapeDataString(vietnam.AddDays(-1).ToString("O"))}");
        before.GetProperty("state").ValueKind.ShouldBe(JsonValueKind.Null);
        before.GetProperty("version").GetInt64().ShouldBe(0);

        var now = await fixture.Host.GetJsonAsync<JsonElement>($"/api/units/{tenant}/audit/streams/{id}/state");
        now.GetProperty("state").GetProperty("total").GetDecimal().ShouldBe(1000m);
        now.GetProperty("version").GetInt64().ShouldBe(3);

        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{OtherDistrict}/audit/streams/{id}/state");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task An_append_without_an_expected_version_is_refused_and_writes_nothing()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 1m);
        await using (var session = fixture.Store.LightweightSession(tenant))
        {
            session.Events.Append(id, new AmountRecorded(id, 2m, "Không có phiên bản"));
            var refused = await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync());
            refused.Message.ShouldContain("without an expected version");
        }

        await using var query = fixture.Store.QuerySession(tenant);
        (await query.Events.FetchStreamAsync(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_writers_appending_at_the_same_version_leave_one_event_and_an_intact_chain()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 1m);
        await using var first = fixture.Store.LightweightSession(tenant);
        await using var second = fixture.Store.LightweightSession(tenant);
        first.Events.Append(id, 3, new AmountRecorded(id, 10m, "Người thứ nhất"));
        second.Events.Append(id, 3, new AmountRecorded(id, 20m, "Người thứ hai"));

        await first.SaveChangesAsync();
        await Should.ThrowAsync<Exception>(() => second.SaveChangesAsync());

        await using var query = fixture.Store.QuerySession(tenant);
        var events = await query.Events.FetchStreamAsync(id);
        events.Count.ShouldBe(3);
        ((AmountRecorded)events[^1].Data).Amount.ShouldBe(10m);

        // The loser's hash was never committed, so the next append links to the winner's.
        await using (var next = fixture.Store.LightweightSession(tenant))
        {
            next.Events.Append(id, 4, new AmountRecorded(id, 30m, "Tiếp theo"));
            await next.SaveChangesAsync();
        }

        var after = await query.Events.FetchStreamAsync(id);
        after[^1].Headers![HashChain.PreviousHeader]!.ToString().ShouldBe(after[^2].Headers![HashChain.HashHeader]!.ToString());
        (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/streams/{id}/verify")).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_new_event_links_to_the_hash_as_written_even_when_the_stored_one_was_altered_since()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 1m);
        string written;
        await using (var query = fixture.Store.QuerySession(tenant))
        {
            written = (string)(await query.Events.FetchStreamAsync(id))[^1].Headers![HashChain.HashHeader]!;
        }

        await fixture.ExecuteSqlAsync(
            $"update {AuditFixture.Schema}.mt_events set headers = jsonb_set(headers, '{{{HashChain.HashHeader}}}', '\"{new string('f', 64)}\"') " +
            $"where stream_id = '{id}' and version = 2");
        await using (var session = fixture.Store.LightweightSession(tenant))
        {
            session.Events.Append(id, 3, new AmountRecorded(id, 2m, "Sau khi sửa trực tiếp"));
            await session.SaveChangesAsync();
        }

        await using var read = fixture.Store.QuerySession(tenant);
        var appended = (await read.Events.FetchStreamAsync(id))[^1];
        appended.Headers![HashChain.PreviousHeader]!.ToString().ShouldBe(written);
        var broken = (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/streams/{id}/verify")).Broken.ShouldHaveSingleItem();
        broken.Version.ShouldBe(2);
    }

    [Fact]
    public async Task An_intact_history_verifies()
    {
        var tenant = Tenant();
        await fixture.LedgerAsync(tenant, "alice", 1m, 2m, 3m);
        await fixture.LedgerAsync(tenant, "bob", 4m);

        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/verify");

        report.ShouldBe(new ChainReport(tenant, 2, 6, true, []), new ChainReportComparer());
    }

    [Fact]
    public async Task A_row_altered_directly_in_postgresql_is_detected_at_its_version()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 1m, 2m, 3m);
        var untouched = await fixture.LedgerAsync(tenant, "alice", 5m);

        await fixture.ExecuteSqlAsync(
            $"update {AuditFixture.Schema}.mt_events set data = jsonb_set(data, '{{amount}}', '2000') where stream_id = '{id}' and version = 3");

        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/verify");
        report.Intact.ShouldBeFalse();
        var broken = report.Broken.ShouldHaveSingleItem();
        broken.StreamId.ShouldBe(id);
        broken.Version.ShouldBe(3);
        broken.Problem.ShouldBe("hash-mismatch");
        (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/streams/{untouched}/verify")).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Events_written_in_chain_version_1_still_verify_as_version_1_beside_version_2_ones()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 1m);

        // Rewrite the stream as version 1 wrote it: no format header, the version-1 hash.
        var previous = HashChain.Genesis;
        await using (var query = fixture.Store.QuerySession(tenant))
        {
            foreach (var e in await query.Events.FetchStreamAsync(id))
            {
                var data = fixture.Store.Options.Serializer().ToJson(e.Data);
                var hash = HashChain.Compute(previous, new HashChain.Facts(tenant, id, e.Version, e.EventTypeName, data, e.UserName, e.CorrelationId, e.CausationId));
                await fixture.ExecuteSqlAsync(
                    $"update {AuditFixture.Schema}.mt_events set headers = (headers - '{HashChain.FormatHeader}') || " +
                    $"jsonb_build_object('{HashChain.HashHeader}', '{hash}', '{HashChain.PreviousHeader}', '{previous}') where stream_id = '{id}' and version = {e.Version}");
                previous = hash;
            }
        }

        var written = await fixture.LedgerAsync(tenant, "bob", 2m);

        var events = await fixture.Host.GetJsonAsync<List<AuditEvent>>($"/api/units/{tenant}/audit/events");
        events.Where(e => e.StreamId == id).Select(e => e.ChainFormat).ShouldBe([1, 1]);
        events.Where(e => e.StreamId == written).Select(e => e.ChainFormat).ShouldBe([2, 2]);
        (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/verify")).Intact.ShouldBeTrue();
        (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/streams/{id}/verify")).Intact.ShouldBeTrue();

        await fixture.ExecuteSqlAsync($"update {AuditFixture.Schema}.mt_events set user_name = 'mallory' where stream_id = '{id}' and version = 1");
        (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/streams/{id}/verify")).Broken.ShouldHaveSingleItem().Problem.ShouldBe("hash-mismatch");
    }

    [Fact]
    public async Task A_row_whose_user_was_rewritten_is_detected()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 1m);

        await fixture.ExecuteSqlAsync($"update {AuditFixture.Schema}.mt_events set user_name = 'mallory' where stream_id = '{id}' and version = 1");

        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/streams/{id}/verify");
        report.Broken.ShouldHaveSingleItem().Problem.ShouldBe("hash-mismatch");
    }

    [Fact]
    public async Task A_row_deleted_in_the_middle_or_at_the_end_of_a_stream_is_detected()
    {
        var tenant = Tenant();
        var middle = await fixture.LedgerAsync(tenant, "alice", 1m, 2m, 3m);
        var end = await fixture.LedgerAsync(tenant, "alice", 1m, 2m);

        await fixture.ExecuteSqlAsync($"delete from {AuditFixture.Schema}.mt_events where stream_id = '{middle}' and version = 2");
        await fixture.ExecuteSqlAsync($"delete from {AuditFixture.Schema}.mt_events where stream_id = '{end}' and version = 3");

        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{tenant}/audit/verify");
        report.Broken.Single(b => b.StreamId == middle).ShouldSatisfyAllConditions(
            b => b.Version.ShouldBe(2),
            b => b.Problem.ShouldBe("missing-event"));
        report.Broken.Single(b => b.StreamId == end).ShouldSatisfyAllConditions(
            b => b.Version.ShouldBe(3),
            b => b.Problem.ShouldBe("missing-events"));
    }

    [Fact]
    public async Task An_ndjson_export_streams_every_event_then_a_manifest_that_matches_its_content()
    {
        var tenant = Tenant();
        await fixture.LedgerAsync(tenant, "alice", 1m, 2m);
        await fixture.LedgerAsync(tenant, "bob", 3m);

        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{tenant}/audit/export?format=ndjson");
            s.ContentTypeShouldBe("application/x-ndjson; charset=utf-8");
        });
        var text = await result.ReadAsTextAsync();
        var lines = text.TrimEnd('\n').Split('\n');

        lines.Length.ShouldBe(6);
        var manifest = JsonDocument.Parse(lines[^1]).RootElement.GetProperty("manifest");
        manifest.GetProperty("count").GetInt64().ShouldBe(5);
        var content = string.Concat(lines[..^1].Select(l => l + "\n"));
        manifest.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))));
        var events = lines[..^1].Select(l => JsonSerializer.Deserialize<AuditEvent>(l, BhxhPlatform.TestSupport.ScenarioExtensions.Json)!).ToList();
        manifest.GetProperty("firstSequence").GetInt64().ShouldBe(events[0].Sequence);
        manifest.GetProperty("lastSequence").GetInt64().ShouldBe(events[^1].Sequence);

        var separate = await fixture.Host.GetJsonAsync<ExportManifest>($"/api/units/{tenant}/audit/export/manifest?format=ndjson");
        separate.Sha256.ShouldBe(manifest.GetProperty("sha256").GetString());
        separate.TenantChainHead.ShouldBe(manifest.GetProperty("tenantChainHead").GetString());
    }

    [Fact]
    public async Task A_csv_export_has_a_header_and_one_row_per_event_with_vietnamese_text_intact()
    {
        var tenant = Tenant();
        await fixture.LedgerAsync(tenant, "alice", 7m);

        var result = await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{tenant}/audit/export?format=csv"));
        var lines = (await result.ReadAsTextAsync()).TrimEnd('\n').Split('\n');

        lines[0].ShouldStartWith("sequence,id,streamId,version,type");
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain("Sổ theo dõi của huyện");
        var manifest = await fixture.Host.GetJsonAsync<ExportManifest>($"/api/units/{tenant}/audit/export/manifest?format=csv");
        manifest.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_csv_export_neutralises_text_a_spreadsheet_would_run_as_a_formula()
    {
        var tenant = Tenant();
        string[] attacks = ["=HYPERLINK(\"http://x\")", "-2+3", "@SUM(A1)", "\tx"];
        foreach (var user in attacks)
        {
            await fixture.LedgerAsync(tenant, user, -3m);
        }

        var result = await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{tenant}/audit/export?format=csv"));
        var rows = (await result.ReadAsTextAsync()).TrimEnd('\n').Split('\n').Skip(1).Select(ParseCsvLine).ToList();

        rows.Count.ShouldBe(attacks.Length * 2);
        rows.Select(r => r[7]).Distinct().ShouldBe(attacks.Select(a => "'" + a));
        rows.ShouldAllBe(r => !"=+-@\t\r".Contains(r[7][0]));
        rows.Select(r => r[3]).ShouldAllBe(v => v == "1" || v == "2");
    }

    /// <summary>A CSV line as a spreadsheet reads it: commas separate, double quotes enclose, two double quotes are one.</summary>
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public async Task A_rebuild_from_the_events_matches_the_live_read_model_until_the_read_model_is_altered()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 10m, 20m);

        var intact = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{tenant}/audit/rebuild-check");
        intact.StreamsChecked.ShouldBe(1);
        intact.Matches.ShouldBeTrue();
        intact.Checks.ShouldBe([new RebuildCheckSummary(nameof(Ledger), RebuildCheckSummary.Aggregate, 1, 1, 0)]);

        await fixture.ExecuteSqlAsync(
            $"update {AuditFixture.Schema}.mt_doc_ledger set data = jsonb_set(data, '{{total}}', '31') where id = '{id}'");

        var altered = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{tenant}/audit/rebuild-check");
        altered.Matches.ShouldBeFalse();
        var difference = altered.Differences.ShouldHaveSingleItem();
        difference.StreamId.ShouldBe(id);
        difference.Live!.Value.GetProperty("total").GetDecimal().ShouldBe(31m);
        difference.Rebuilt!.Value.GetProperty("total").GetDecimal().ShouldBe(30m);
        altered.Checks.ShouldBe([new RebuildCheckSummary(nameof(Ledger), RebuildCheckSummary.Aggregate, 1, 1, 1)]);

        // A read-model row deleted by hand: the stream is still checked, the stored row is missing from the count.
        await fixture.ExecuteSqlAsync($"delete from {AuditFixture.Schema}.mt_doc_ledger where id = '{id}'");
        var deleted = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{tenant}/audit/rebuild-check");
        deleted.StreamsChecked.ShouldBe(1);
        deleted.Differences.ShouldHaveSingleItem().Live.ShouldBeNull();
        deleted.Checks.ShouldBe([new RebuildCheckSummary(nameof(Ledger), RebuildCheckSummary.Aggregate, 1, 0, 1)]);
    }

    [Fact]
    public async Task A_read_model_row_inserted_by_hand_that_no_event_gave_is_a_difference()
    {
        var tenant = Tenant();
        var id = await fixture.LedgerAsync(tenant, "alice", 10m);
        var forged = Guid.CreateVersion7();
        await fixture.ExecuteSqlAsync(
            $"create temp table copied as select * from {AuditFixture.Schema}.mt_doc_ledger where id = '{id}'; " +
            $"update copied set id = '{forged}', data = jsonb_set(jsonb_set(data, '{{id}}', '\"{forged}\"'), '{{total}}', '500'); " +
            $"insert into {AuditFixture.Schema}.mt_doc_ledger select * from copied");

        var report = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{tenant}/audit/rebuild-check");

        report.Matches.ShouldBeFalse();
        var difference = report.Differences.ShouldHaveSingleItem();
        difference.StreamId.ShouldBe(forged);
        difference.Rebuilt.ShouldBeNull();
        difference.Live!.Value.GetProperty("total").GetDecimal().ShouldBe(500m);
        report.StreamsChecked.ShouldBe(1);
        report.Checks.ShouldBe([new RebuildCheckSummary(nameof(Ledger), RebuildCheckSummary.Aggregate, 1, 2, 1)]);

        // Another unit's check does not see it.
        (await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{OtherDistrict}/audit/rebuild-check")).Differences.ShouldBeEmpty();
    }

    private sealed class ChainReportComparer : IEqualityComparer<ChainReport>
    {
        public bool Equals(ChainReport? x, ChainReport? y) =>
            x is not null && y is not null &&
            x with { Broken = [], BrokenAnchors = [], CheckpointFindings = [] } == y with { Broken = [], BrokenAnchors = [], CheckpointFindings = [] } &&
            x.Broken.SequenceEqual(y.Broken) && x.BrokenAnchors.SequenceEqual(y.BrokenAnchors);

        public int GetHashCode(ChainReport obj) => 0;
    }
}
