extern alias verify;
using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Audit.Checkpoints;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Offline = verify::BhxhPlatform.AuditVerify.Verification;

namespace BhxhPlatform.Audit.Tests;

/// <summary>
/// Signed checkpoints kept outside the database, against someone who can write to the database and
/// recomputes every hash and anchor there: the audit API and the offline verifier (tools/AuditVerify,
/// given only the export, the checkpoint files and the public key) both catch what was done.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class CheckpointTests(AuditFixture fixture) : IAsyncLifetime
{
    private const string District = "tan-phu";
    private const string Events = AuditFixture.Schema + ".mt_events";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Attacker Attacker => new(fixture);

    private async Task<SignedCheckpoint> CheckpointAsync()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"/api/units/{District}/audit/checkpoints");
            s.StatusCodeShouldBeOk();
        });
        return JsonSerializer.Deserialize<SignedCheckpoint>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
    }

    private async Task AnchorAsync() => await fixture.Host.Scenario(s =>
    {
        s.Post.Url($"/api/units/{District}/audit/anchors");
        s.WithRequestHeader("Authorization", $"Bearer {TestTokens.ProvincialAdministrator}");
        s.StatusCodeShouldBeOk();
    });

    private Task<ChainReport> VerifyAsync() => fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{District}/audit/verify");

    /// <summary>The offline verifier over an export taken now, the checkpoint files and the public key (not asked of the service).</summary>
    private async Task<(int Exit, string Report)> OfflineAsync(string? publicKeyPem = null, Func<string, string>? editExport = null)
    {
        var folder = Directory.CreateTempSubdirectory("bhxh-audit-verify-").FullName;
        try
        {
            var export = await fixture.Host.Scenario(s => s.Get.Url($"/api/units/{District}/audit/export?format=ndjson"));
            var exportPath = Path.Combine(folder, "export.ndjson");
            var exported = await export.ReadAsTextAsync();
            await File.WriteAllTextAsync(exportPath, editExport is null ? exported : editExport(exported));
            var keyPath = Path.Combine(folder, "public-key.pem");
            await File.WriteAllTextAsync(keyPath, publicKeyPem ?? PublicKey(AuditFixture.SigningKeyPem));
            var output = new StringWriter();
            var exit = await Offline.RunAsync(
                ["--export", exportPath, "--checkpoints", Path.Combine(fixture.CheckpointFolder, AuditFixture.Schema, District), "--public-key", keyPath], output);
            return (exit, output.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string PublicKey(string privateKeyPem)
    {
        using var key = CheckpointFormat.ImportKey(privateKeyPem);
        return CheckpointFormat.PublicKeyPem(key);
    }

    private async Task<(Guid Kept, Guid Other)> HistoryAsync()
    {
        var kept = await fixture.LedgerAsync(District, "alice", 1m, 2m);
        var other = await fixture.LedgerAsync(District, "bob", 3m);
        await AnchorAsync();
        await CheckpointAsync();
        return (kept, other);
    }

    /// <summary>Inside the database everything agrees again; only the signed checkpoint shows what happened.</summary>
    private async Task<ChainReport> ShouldBeCaughtAsync(string problem, Guid? stream)
    {
        var report = await VerifyAsync();
        report.Broken.ShouldBeEmpty();
        report.BrokenAnchors.ShouldBeEmpty();
        report.Intact.ShouldBeFalse();
        report.AgainstCheckpoint.ShouldBe(1);
        report.CheckpointFindings.ShouldContain(f => f.Problem == problem && f.StreamId == stream && f.Checkpoint == 1);

        var (exit, text) = await OfflineAsync();
        exit.ShouldBe(1, text);
        text.ShouldContain("ok    every event hashes into its stream's chain");
        text.ShouldContain($"FAIL  {problem}");
        text.ShouldContain("DOES NOT HOLD");
        return report;
    }

    [Fact]
    public async Task An_intact_history_matches_every_checkpoint_as_it_grows_and_the_checkpoints_link_up()
    {
        await HistoryAsync();
        await fixture.LedgerAsync(District, "carol", 4m);
        var second = await CheckpointAsync();

        second.Checkpoint.Number.ShouldBe(2);
        second.Checkpoint.Events.ShouldBe(7);
        second.Checkpoint.Streams.Count.ShouldBe(3);
        second.Checkpoint.MerkleRoot.ShouldBe(CheckpointFormat.MerkleRoot(second.Checkpoint.Streams));
        var list = await fixture.Host.GetJsonAsync<List<SignedCheckpoint>>($"/api/units/{District}/audit/checkpoints");
        list.Count.ShouldBe(2);
        second.Checkpoint.Previous.ShouldBe(CheckpointFormat.Hash(list[0].Checkpoint));
        var key = await fixture.Host.GetJsonAsync<CheckpointPublicKey>($"/api/units/{District}/audit/checkpoints/public-key");
        key.Algorithm.ShouldBe(CheckpointFormat.EcdsaP256);
        key.PublicKeyPem.ShouldBe(PublicKey(AuditFixture.SigningKeyPem));

        var report = await VerifyAsync();
        report.Intact.ShouldBeTrue();
        report.CheckpointsChecked.ShouldBe(2);
        report.AgainstCheckpoint.ShouldBe(2);
        var (exit, text) = await OfflineAsync();
        exit.ShouldBe(0, text);
        text.ShouldContain("HOLDS: the history matches signed checkpoint 2.");
    }

    [Fact]
    public async Task The_checkpoint_files_are_outside_the_database_read_only_and_never_replaced()
    {
        var first = await HistoryAsync();
        var file = Path.Combine(fixture.CheckpointFolder, AuditFixture.Schema, District, FolderCheckpointStore.FileName(1));
        File.Exists(file).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserWrite).ShouldBeFalse();
        }

        var store = new FolderCheckpointStore(fixture.CheckpointFolder);
        var existing = (await store.ListAsync(AuditFixture.Schema, District, CancellationToken.None)).Single();
        await Should.ThrowAsync<InvalidOperationException>(() => store.AppendAsync(existing, CancellationToken.None));
        first.Kept.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task An_event_rewritten_with_every_hash_and_anchor_recomputed_is_caught()
    {
        var (kept, _) = await HistoryAsync();
        await Attacker.TamperAsync(District,
            $"update {Events} set data = jsonb_set(data, '{{amount}}', '2000') where stream_id = '{kept}' and version = 2");

        await ShouldBeCaughtAsync("head-mismatch", kept);
    }

    [Fact]
    public async Task A_back_dated_event_is_caught()
    {
        var (kept, _) = await HistoryAsync();
        await Attacker.TamperAsync(District,
            $"update {Events} set timestamp = timestamp - interval '40 days' where stream_id = '{kept}' and version = 2");

        await ShouldBeCaughtAsync("head-mismatch", kept);
    }

    [Fact]
    public async Task A_cut_tail_is_caught()
    {
        var (kept, _) = await HistoryAsync();
        await Attacker.TamperAsync(District, $"delete from {Events} where stream_id = '{kept}' and version = 3");

        var report = await ShouldBeCaughtAsync("tail-cut", kept);
        report.CheckpointFindings.ShouldContain(f => f.Problem == "unit-chain-mismatch");
    }

    [Fact]
    public async Task A_deleted_stream_is_caught()
    {
        var (_, other) = await HistoryAsync();
        await Attacker.TamperAsync(District,
            $"delete from {Events} where stream_id = '{other}'",
            $"delete from {AuditFixture.Schema}.mt_streams where id = '{other}'");

        await ShouldBeCaughtAsync("stream-deleted", other);
    }

    [Fact]
    public async Task An_event_inserted_into_a_stream_is_caught()
    {
        var (kept, _) = await HistoryAsync();
        await Attacker.TamperAsync(District,
            $"update {Events} set version = -version where stream_id = '{kept}' and version >= 2",
            $"update {Events} set version = 1 - version where stream_id = '{kept}' and version < 0",
            $"insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers, user_name, correlation_id, causation_id, is_archived) " +
            $"select nextval('{AuditFixture.Schema}.mt_events_sequence'), gen_random_uuid(), stream_id, 2, jsonb_set(data, '{{amount}}', '999'), type, timestamp, tenant_id, " +
            $"mt_dotnet_type, headers, 'mallory', correlation_id, causation_id, is_archived from {Events} where stream_id = '{kept}' and version = 3",
            // …and the stream's sequence numbers handed out again in version order, so nothing looks out of place.
            $"update {Events} e set seq_id = -s.seq from (select o.seq_id as old, q.seq_id as seq from " +
            $"(select seq_id, row_number() over (order by version) as n from {Events} where stream_id = '{kept}') o join " +
            $"(select seq_id, row_number() over (order by seq_id) as n from {Events} where stream_id = '{kept}') q on o.n = q.n) s where e.seq_id = s.old",
            $"update {Events} set seq_id = -seq_id where seq_id < 0");

        var report = await ShouldBeCaughtAsync("head-mismatch", kept);
        report.CheckpointFindings.ShouldContain(f => f.Problem == "dated-before-checkpoint" || f.Problem == "unit-chain-mismatch");
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_refused()
    {
        await HistoryAsync();
        var genuine = (await new FolderCheckpointStore(fixture.CheckpointFolder).ListAsync(AuditFixture.Schema, District, CancellationToken.None)).Single();

        // Someone who wants the history to look different writes the next checkpoint with a key of their own.
        using var forger = new CheckpointSigner(AuditFixture.NewKey());
        var forged = forger.Sign(genuine.Checkpoint with
        {
            Number = 2,
            Previous = CheckpointFormat.Hash(genuine.Checkpoint),
            Algorithm = forger.Algorithm,
            KeyId = forger.KeyId,
        });
        await new FolderCheckpointStore(fixture.CheckpointFolder).AppendAsync(forged, CancellationToken.None);

        var report = await VerifyAsync();
        report.Intact.ShouldBeFalse();
        report.AgainstCheckpoint.ShouldBe(1);
        report.CheckpointFindings.ShouldContain(f => f.Problem == "signature-invalid" && f.Checkpoint == 2);

        // The service refuses to build on it.
        await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"/api/units/{District}/audit/checkpoints");
            s.StatusCodeShouldBe(409);
            s.ContentTypeShouldBe("application/problem+json");
        });

        var (exit, text) = await OfflineAsync();
        exit.ShouldBe(1, text);
        text.ShouldContain("FAIL  signature-invalid");

        // And checked with the forger's key instead, the genuine checkpoint is the one refused.
        var (forgedExit, forgedText) = await OfflineAsync(forger.PublicKey.PublicKeyPem);
        forgedExit.ShouldBe(1, forgedText);
        forgedText.ShouldContain("checkpoint 1 is not signed by the published key", Case.Insensitive);
    }

    [Fact]
    public async Task A_checkpoint_removed_from_the_store_is_reported_missing()
    {
        await HistoryAsync();
        await fixture.LedgerAsync(District, "carol", 4m);
        await CheckpointAsync();
        await fixture.LedgerAsync(District, "dan", 5m);
        await CheckpointAsync();
        File.Delete(Path.Combine(fixture.CheckpointFolder, AuditFixture.Schema, District, FolderCheckpointStore.FileName(2)));

        var report = await VerifyAsync();
        report.Broken.ShouldBeEmpty();
        report.Intact.ShouldBeFalse();
        report.AgainstCheckpoint.ShouldBe(3);
        report.CheckpointFindings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Problem.ShouldBe("checkpoint-missing"), f => f.Checkpoint.ShouldBe(2));

        var (exit, text) = await OfflineAsync();
        exit.ShouldBe(1, text);
        text.ShouldContain("FAIL  checkpoint-missing");
    }

    [Fact]
    public async Task An_export_edited_after_it_was_taken_is_caught_offline_by_its_manifest_and_the_chain()
    {
        await HistoryAsync();

        // The copy's holder raises one amount in the file; the database is untouched.
        static string RaiseFirstAmount(string export)
        {
            var lines = export.Split('\n').ToList();
            var at = lines.FindIndex(l => l.Contains("\"amount\"", StringComparison.Ordinal));
            var line = System.Text.Json.Nodes.JsonNode.Parse(lines[at])!;
            line["data"]!["amount"] = 2000;
            lines[at] = line.ToJsonString();
            return string.Join('\n', lines);
        }

        var (exit, text) = await OfflineAsync(editExport: RaiseFirstAmount);

        exit.ShouldBe(1, text);
        text.ShouldContain("FAIL  export complete and unchanged");
        text.ShouldContain("FAIL  every event hashes into its stream's chain");
        text.ShouldContain("FAIL  hash-mismatch");
    }

    [Fact]
    public async Task The_offline_verifier_exits_with_2_when_its_inputs_cannot_be_read()
    {
        var output = new StringWriter();
        (await Offline.RunAsync(["--export", "only-this"], output)).ShouldBe(2);
        output.ToString().ShouldStartWith("usage: AuditVerify");

        var missing = Path.Combine(Path.GetTempPath(), "bhxh-audit-verify-missing-" + Guid.NewGuid().ToString("N"));
        var unreadable = new StringWriter();
        (await Offline.RunAsync(["--export", missing + ".ndjson", "--checkpoints", missing, "--public-key", missing + ".pem"], unreadable)).ShouldBe(2);
        unreadable.ToString().ShouldStartWith("FAIL  the inputs could not be read");
    }

    [Fact]
    public async Task Only_auditors_and_the_provincial_administrator_write_or_read_checkpoints()
    {
        foreach (var (role, unit, status) in new[] { (PlatformRoles.DistrictOfficer, District, 403), (PlatformRoles.Partner, District, 403) })
        {
            await fixture.Host.Scenario(s =>
            {
                s.Post.Url($"/api/units/{District}/audit/checkpoints");
                s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, unit)}");
                s.StatusCodeShouldBe(status);
            });
            await fixture.Host.Scenario(s =>
            {
                s.Get.Url($"/api/units/{District}/audit/checkpoints");
                s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, unit)}");
                s.StatusCodeShouldBe(status);
            });
        }

        await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"/api/units/{District}/audit/checkpoints");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.ProvincialAdministrator}");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public void Checkpoints_are_written_by_a_recurring_durable_scheduled_message()
    {
        var options = fixture.Host.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>().Options;
        var schedule = options.Schedules.FindByName(nameof(WriteAuditCheckpoints)).ShouldNotBeNull();
        schedule.Schedule.Expression.ShouldBe(AuditCheckpointSetup.DefaultSchedule);
        schedule.ExecutionPath.ShouldBe(Wolverine.RecurringExecutionPath.ScheduledMessages);
    }

    [Fact]
    public async Task A_round_writes_a_checkpoint_only_for_units_whose_events_changed()
    {
        await fixture.LedgerAsync(District, "alice", 1m);
        var writer = fixture.Host.Services.GetRequiredService<CheckpointWriter>();
        (await writer.WriteAllAsync(CancellationToken.None)).Select(c => c.Checkpoint.TenantId).ShouldBe([District]);
        (await writer.WriteAllAsync(CancellationToken.None)).ShouldBeEmpty();
        await fixture.LedgerAsync(District, "bob", 2m);
        (await writer.WriteAllAsync(CancellationToken.None)).ShouldHaveSingleItem().Checkpoint.Number.ShouldBe(2);
    }

    [Fact]
    public async Task A_round_is_left_to_the_replica_already_writing_one_and_an_asked_for_checkpoint_waits_for_it()
    {
        await fixture.LedgerAsync(District, "alice", 1m);
        var writer = fixture.Host.Services.GetRequiredService<CheckpointWriter>();
        var store = new FolderCheckpointStore(fixture.CheckpointFolder);
        var lockId = BhxhPlatform.ServiceDefaults.CritterStackExtensions.CheckpointLockId(AuditFixture.Schema);

        // Another replica's session, in the middle of its round.
        await using var otherReplica = new NpgsqlConnection(fixture.ConnectionString);
        await otherReplica.OpenAsync();
        (await Weasel.Postgresql.AdvisoryLockExtensions.TryGetGlobalLock(otherReplica, lockId, CancellationToken.None)).Succeeded.ShouldBeTrue();

        (await writer.WriteAllAsync(CancellationToken.None)).ShouldBeEmpty();
        (await store.ListAsync(AuditFixture.Schema, District, CancellationToken.None)).ShouldBeEmpty();
        var askedFor = writer.WriteNowAsync(District, CancellationToken.None);
        await Task.Delay(500);
        askedFor.IsCompleted.ShouldBeFalse("a checkpoint asked for while another replica writes a round waits for it");

        await Weasel.Postgresql.AdvisoryLockExtensions.ReleaseGlobalLock(otherReplica, lockId, CancellationToken.None);
        (await askedFor).Checkpoint.Number.ShouldBe(1);
        await fixture.LedgerAsync(District, "bob", 2m);
        (await writer.WriteAllAsync(CancellationToken.None)).ShouldHaveSingleItem().Checkpoint.Number.ShouldBe(2);
    }

    [Fact]
    public async Task When_the_service_stops_it_writes_a_last_checkpoint_of_the_units_whose_events_changed()
    {
        var ledger = await fixture.LedgerAsync(District, "alice", 1m, 2m);
        var atShutdown = fixture.Host.Services.GetServices<IHostedService>().OfType<CheckpointAtShutdown>().ShouldHaveSingleItem();

        await atShutdown.StopAsync(CancellationToken.None);

        var written = (await new FolderCheckpointStore(fixture.CheckpointFolder).ListAsync(AuditFixture.Schema, District, CancellationToken.None))
            .ShouldHaveSingleItem().Checkpoint;
        written.Number.ShouldBe(1);
        written.Streams.ShouldHaveSingleItem().ShouldSatisfyAllConditions(h => h.StreamId.ShouldBe(ledger), h => h.Version.ShouldBe(3)); // opened, then two entries
        (await VerifyAsync()).ShouldSatisfyAllConditions(r => r.Intact.ShouldBeTrue(), r => r.AgainstCheckpoint.ShouldBe(1));
    }

    [Fact]
    public async Task The_signing_key_is_nowhere_in_the_database()
    {
        await HistoryAsync();
        using var key = ECDsa.Create();
        key.ImportFromPem(AuditFixture.SigningKeyPem);
        var secret = key.ExportParameters(includePrivateParameters: true).D!;
        string[] needles =
        [
            "PRIVATE KEY",
            AuditFixture.SigningKeyPem.Split('\n')[1], // the first line of the PEM body
            Convert.ToBase64String(secret),
            Convert.ToHexString(secret),
        ];

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain($"{AuditFixture.Schema}.mt_events");
        foreach (var table in tables)
        {
            foreach (var needle in needles)
            {
                await using var search = new NpgsqlCommand($"select count(*) from {table} t where strpos(upper(t::text), upper(@needle)) > 0", connection);
                search.Parameters.AddWithValue("needle", needle);
                ((long)(await search.ExecuteScalarAsync())!).ShouldBe(0, $"{table} holds a trace of the signing key");
            }
        }
    }

    [Fact]
    public void A_checkpoint_changed_after_signing_no_longer_verifies()
    {
        using var signer = new CheckpointSigner(AuditFixture.SigningKeyPem);
        var heads = new[] { new CheckpointHead(Guid.CreateVersion7(), 3, new string('a', 64), 7) };
        var signed = signer.Sign(new AuditCheckpoint(1, "planning", District, 1, DateTimeOffset.UnixEpoch, 7, 3, HashChain.Genesis,
            CheckpointFormat.MerkleRoot(heads), heads, null, signer.Algorithm, signer.KeyId));
        using var key = signer.ExportPublic();
        CheckpointFormat.SignatureHolds(signed, key).ShouldBeTrue();
        CheckpointFormat.SignatureHolds(signed with { Checkpoint = signed.Checkpoint with { HighestSequence = 6 } }, key).ShouldBeFalse();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CheckpointFormat.SignatureHolds(signed, other).ShouldBeFalse();
    }
}
