using System.Text.Json;
using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.DeadLetters;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class ActivityTotalsTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";
    private const string TotalsUrl = $"/api/units/{District}/activity-totals";
    private const string Projection = DistrictActivityTotalsProjection.ProjectionName;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Corrects the first activity to 20 people reached and voids the second, both at their version 1.</summary>
    private async Task CorrectAndVoidAsync(Guid corrected, Guid voided)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new CorrectActivity(1, "Đếm lại", DirectContact() with { PeopleReached = 20 }), JsonStyle.MinimalApi)
                .ToUrl($"{Url}/{corrected}/corrections");
            s.StatusCodeShouldBe(202);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new VoidActivity(1, "Nhập trùng"), JsonStyle.MinimalApi).ToUrl($"{Url}/{voided}/void");
            s.StatusCodeShouldBe(202);
        });
    }

    [Fact]
    public async Task The_totals_count_activities_and_people_by_form_follow_corrections_and_leave_out_voided_ones()
    {
        await fixture.Host.CreateAsync(Url, DirectContact());
        await fixture.Host.CreateAsync(Url, Conference());
        await fixture.Host.CreateAsync(Url, Post());
        var corrected = await fixture.Host.CreateAsync(Url, DirectContact());
        var voided = await fixture.Host.CreateAsync(Url, Sms());
        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/activities", InOtherDistrict(Conference()));
        await CorrectAndVoidAsync(corrected, voided);

        await fixture.Host.WaitForNonStaleProjectionDataAsync(Patience);
        var totals = await fixture.Host.GetJsonAsync<ActivityTotalsView>(TotalsUrl);

        totals.Unit.ShouldBe(District);
        totals.Activities.ShouldBe(4);
        totals.PeopleReached.ShouldBe(12 + 80 + 1500 + 20);
        totals.ByForm.ShouldBe([
            new FormTotals(CommunicationForm.DirectContact, 2, 32),
            new FormTotals(CommunicationForm.Conference, 1, 80),
            new FormTotals(CommunicationForm.MassMedia, 1, 1500),
        ], ignoreOrder: true);
        (await fixture.Host.GetJsonAsync<ActivityTotalsView>($"/api/units/{OtherDistrict}/activity-totals")).Activities.ShouldBe(1);
        (await fixture.Host.GetJsonAsync<ActivityTotalsView>("/api/units/long-khanh/activity-totals")).Activities.ShouldBe(0);
    }

    [Fact]
    public async Task The_rebuild_check_folds_each_activity_again_through_the_totals_projection_and_finds_a_counted_activity_altered_by_hand()
    {
        var corrected = await fixture.Host.CreateAsync(Url, DirectContact());
        var voided = await fixture.Host.CreateAsync(Url, Sms());
        await CorrectAndVoidAsync(corrected, voided);
        await fixture.Host.WaitForNonStaleProjectionDataAsync(Patience);

        var intact = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        intact.Matches.ShouldBeTrue();
        // Each activity's stream is replayed twice, into its aggregate and into the totals, and counted once.
        intact.StreamsChecked.ShouldBe(2);
        intact.Checks.ShouldBe([
            new RebuildCheckSummary(nameof(Activity), RebuildCheckSummary.Aggregate, 2, 2, 0),
            new RebuildCheckSummary(nameof(CountedActivity), RebuildCheckSummary.ReadModelKind, 2, 2, 0),
        ]);

        await fixture.ExecuteSqlAsync(
            $"update outreach.mt_doc_countedactivity set data = jsonb_set(data, '{{voided}}', 'false') where id = '{voided}'");

        var altered = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        var difference = altered.Differences.ShouldHaveSingleItem();
        difference.AggregateType.ShouldBe(nameof(CountedActivity));
        difference.StreamId.ShouldBe(voided);
        difference.Rebuilt!.Value.GetProperty("voided").GetBoolean().ShouldBeTrue();
        altered.StreamsChecked.ShouldBe(2);
        altered.Checks!.Select(c => (c.ReadModel, c.Differences)).ShouldBe([(nameof(Activity), 0), (nameof(CountedActivity), 1)]);

        // A counted activity no activity's events gave, inserted by hand to raise the totals.
        var forged = Guid.CreateVersion7();
        await fixture.ExecuteSqlAsync(
            $"create temp table copied as select * from outreach.mt_doc_countedactivity where id = '{corrected}'; " +
            $"update copied set id = '{forged}', data = jsonb_set(data, '{{id}}', '\"{forged}\"'); " +
            "insert into outreach.mt_doc_countedactivity select * from copied");
        var inserted = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        var extra = inserted.Differences.Single(d => d.StreamId == forged);
        extra.AggregateType.ShouldBe(nameof(CountedActivity));
        extra.Rebuilt.ShouldBeNull();
        inserted.StreamsChecked.ShouldBe(2);
        inserted.Checks!.Single(c => c.ReadModel == nameof(CountedActivity))
            .ShouldBe(new RebuildCheckSummary(nameof(CountedActivity), RebuildCheckSummary.ReadModelKind, 2, 3, 2));
    }

    [Fact]
    public async Task An_event_the_projection_cannot_apply_is_dead_lettered_later_events_are_counted_and_a_replay_after_the_repair_counts_it()
    {
        using var metrics = new MetricProbe();
        var first = await fixture.Host.CreateAsync(Url, DirectContact());

        // A faulty writer, beside the API, stored an activity without its details.
        var broken = Guid.CreateVersion7();
        await WriteWithoutDetailsAsync(copyOf: first, broken);

        await fixture.Host.CreateAsync(Url, Conference());
        await fixture.Host.WaitForNonStaleProjectionDataAsync(Patience);

        var totals = await fixture.Host.GetJsonAsync<ActivityTotalsView>(TotalsUrl);
        totals.Activities.ShouldBe(2, "the events after the broken one are still counted");
        totals.PeopleReached.ShouldBe(12 + 80);

        var deadLetters = await fixture.Host.GetJsonAsync<List<ProjectionDeadLetter>>(ProjectionDeadLetterEndpoints.Route);
        var deadLetter = deadLetters.ShouldHaveSingleItem();
        deadLetter.Projection.ShouldBe(Projection);
        deadLetter.Unit.ShouldBe(District);
        deadLetter.EventSequence.ShouldBe(await SequenceOfAsync(broken));
        deadLetter.ExceptionType.ShouldNotBeNull().ShouldContain(nameof(InvalidOperationException));
        (await metrics.EventuallyAsync(m => m.Gauge(DeadLetterMetrics.DeadLetters, ("store", "events"), ("projection", Projection)) == 1))
            .ShouldBeTrue(metrics.ToString());

        await fixture.Host.Scenario(s =>
        {
            s.Get.Url(ProjectionDeadLetterEndpoints.Route);
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District)}");
            s.StatusCodeShouldBe(403);
        });

        // The repair: the event gets the details the writer left out. Then the replay rebuilds the totals.
        await using (var command = fixture.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "update outreach.mt_events set data = jsonb_set(data, '{details}', " +
            "(select data->'details' from outreach.mt_events where stream_id = $1 and type = 'activity_logged')) where stream_id = $2"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = first });
            command.Parameters.Add(new NpgsqlParameter { Value = broken });
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var replay = await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"{ProjectionDeadLetterEndpoints.Route}/{Projection}/replay");
            s.StatusCodeShouldBeOk();
        });
        (await replay.ReadAsJsonAsync<ProjectionReplay>())!.StillFailing.ShouldBeEmpty();
        (await fixture.Host.GetJsonAsync<ActivityTotalsView>(TotalsUrl)).Activities.ShouldBe(3);

        // The projection runs on after the replay.
        await fixture.Host.CreateAsync(Url, Post());
        await fixture.Host.WaitForNonStaleProjectionDataAsync(Patience);
        (await fixture.Host.GetJsonAsync<ActivityTotalsView>(TotalsUrl)).Activities.ShouldBe(4);
        (await fixture.Host.GetJsonAsync<List<ProjectionDeadLetter>>(ProjectionDeadLetterEndpoints.Route)).ShouldBeEmpty();
        (await metrics.EventuallyAsync(m => m.Gauge(DeadLetterMetrics.DeadLetters, ("store", "events"), ("projection", Projection)) == 0))
            .ShouldBeTrue(metrics.ToString());
    }

    [Fact]
    public async Task A_replay_on_a_replica_that_does_not_run_the_projection_is_refused_and_rebuilds_nothing()
    {
        var counted = await fixture.Host.CreateAsync(Url, DirectContact());
        await fixture.Host.WaitForNonStaleProjectionDataAsync(Patience);
        var store = fixture.Host.Services.GetRequiredService<IDocumentStore>();
        var table = store.Options.FindOrResolveDocumentType(typeof(CountedActivity)).TableName.QualifiedName;
        async Task<DateTime> WrittenAtAsync()
        {
            await using var command = fixture.Host.Services.GetRequiredService<NpgsqlDataSource>()
                .CreateCommand($"select mt_last_modified from {table} where id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = counted });
            return (DateTime)(await command.ExecuteScalarAsync())!;
        }

        var before = await WrittenAtAsync();

        // What a replica that does not hold the projection's lock looks like under HotCold: its daemon runs no agent of it.
        var daemon = fixture.Host.Services.GetRequiredService<JasperFx.Events.Daemon.IProjectionCoordinator>().DaemonForMainDatabase();
        var shard = ((StoreOptions)store.Options).Projections.All.Single(p => p.Name == Projection).ShardNames().Single();
        await daemon.StopAgentAsync(shard);
        try
        {
            var refused = await fixture.Host.Scenario(s =>
            {
                s.Post.Url($"{ProjectionDeadLetterEndpoints.Route}/{Projection}/replay");
                s.StatusCodeShouldBe(409);
            });
            var body = JsonDocument.Parse(await refused.ReadAsTextAsync()).RootElement;
            body.GetProperty("code").GetString().ShouldBe("projection-runs-elsewhere");
            body.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("không có gì được dựng lại");
            daemon.CurrentAgents().ShouldNotContain(a => a.Name.Identity == shard.Identity, "the refusal starts no agent here");
            (await WrittenAtAsync()).ShouldBe(before, "a rebuild rewrites every document of the projection");
        }
        finally
        {
            await daemon.StartAgentAsync(shard, CancellationToken.None);
        }

        // Where the projection runs, the same request rebuilds it.
        await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"{ProjectionDeadLetterEndpoints.Route}/{Projection}/replay");
            s.StatusCodeShouldBeOk();
        });
        (await WrittenAtAsync()).ShouldBeGreaterThan(before);
        (await fixture.Host.GetJsonAsync<ActivityTotalsView>(TotalsUrl)).Activities.ShouldBe(1);
    }

    [Fact]
    public async Task A_replay_of_an_unknown_projection_is_a_problem()
    {
        var problem = await fixture.Host.Scenario(s =>
        {
            s.Post.Url($"{ProjectionDeadLetterEndpoints.Route}/NoSuchProjection/replay");
            s.StatusCodeShouldBe(400);
        });
        var body = JsonDocument.Parse(await problem.ReadAsTextAsync()).RootElement;
        body.GetProperty("fieldErrors")[0].GetProperty("field").GetString().ShouldBe("projection");
    }

    /// <summary>A copy of the stream <paramref name="copyOf"/> as <paramref name="stream"/>, its logged event stripped of its details.</summary>
    private async Task WriteWithoutDetailsAsync(Guid copyOf, Guid stream)
    {
        await using var connection = await fixture.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        foreach (var sql in new[]
        {
            "create temp table copied_stream as select * from outreach.mt_streams with no data",
            "insert into copied_stream select * from outreach.mt_streams where id = $1",
            "update copied_stream set id = $2",
            "insert into outreach.mt_streams select * from copied_stream",
            "create temp table copied_event as select * from outreach.mt_events with no data",
            "insert into copied_event select * from outreach.mt_events where stream_id = $1",
            "update copied_event set seq_id = nextval('outreach.mt_events_sequence'), id = gen_random_uuid(), stream_id = $2, " +
            "data = jsonb_set(data, '{activityId}', to_jsonb($2::text)) - 'details'",
            "insert into outreach.mt_events select * from copied_event",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = copyOf, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = stream, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<long> SequenceOfAsync(Guid stream)
    {
        await using var session = fixture.Store.QuerySession(District);
        return (await session.Events.FetchStreamAsync(stream)).Single().Sequence;
    }
}
