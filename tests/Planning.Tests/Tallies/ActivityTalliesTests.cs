using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Tallies;

/// <summary>
/// The tallies progress reads are kept by <see cref="ActivityTalliesProjection"/> as the facts arrive: they must be what a
/// fresh count of the activities makes, whatever the order, repeats and corrections, under concurrent handlers, after a
/// rebuild, and a read must touch only tally rows of its own unit and year.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class ActivityTalliesTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string BienHoa = "bien-hoa";
    private const string LongKhanh = "long-khanh";
    private static readonly string Schema = ServiceNames.Planning;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Recorded(Guid id, string line, DateOnly on, int reached) =>
        new(id, Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, on, reached, []);

    private static ActivityCorrected Corrected(Guid id, string line, DateOnly on, int reached, long revision) =>
        new(id, Guid.Empty, line, line[..line.LastIndexOf('.')], "DirectContact", null, on, reached, [], revision);

    private async Task SendAsync(string district, object message) => await fixture.Host.InvokeMessageAndWaitAsync(message, district);

    /// <summary>A mix of every kind of fact, in two units, over two years.</summary>
    private async Task FeedMixAsync()
    {
        var moved = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(moved, "3.1.01", new DateOnly(2026, 1, 20), 15));
        await SendAsync(BienHoa, Corrected(moved, "3.1.02", new DateOnly(2026, 3, 5), 40, revision: 2));
        await SendAsync(BienHoa, Recorded(moved, "3.1.01", new DateOnly(2026, 1, 20), 15));
        await SendAsync(BienHoa, Corrected(moved, "3.1.01", new DateOnly(2026, 1, 20), 15, revision: 2));
        await SendAsync(BienHoa, Corrected(moved, "1.02", new DateOnly(2025, 12, 31), 7, revision: 3));

        var duplicated = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(duplicated, "3.1.01", new DateOnly(2026, 2, 3), 12));
        await SendAsync(BienHoa, Recorded(duplicated, "3.1.01", new DateOnly(2026, 2, 3), 12));

        var voided = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(voided, "3.1.01", new DateOnly(2026, 2, 4), 30));
        await SendAsync(BienHoa, new ActivityVoided(voided, "Nhầm"));
        await SendAsync(BienHoa, new ActivityVoided(voided, "Nhầm"));
        await SendAsync(BienHoa, Corrected(voided, "3.1.02", new DateOnly(2026, 2, 5), 31, revision: 3));

        var voidedFirst = Guid.NewGuid();
        await SendAsync(BienHoa, new ActivityVoided(voidedFirst, "Nhầm"));
        await SendAsync(BienHoa, Recorded(voidedFirst, "3.1.01", new DateOnly(2026, 4, 1), 50));

        var correctedFirst = Guid.NewGuid();
        await SendAsync(LongKhanh, Corrected(correctedFirst, "3.1.01", new DateOnly(2026, 6, 30), 8, revision: 2));
        await SendAsync(LongKhanh, Recorded(correctedFirst, "3.1.01", new DateOnly(2026, 6, 1), 3));
        await SendAsync(LongKhanh, Corrected(correctedFirst, "3.1.01", new DateOnly(2026, 7, 1), 9, revision: 3));

        var unrevised = Guid.NewGuid();
        await SendAsync(LongKhanh, Recorded(unrevised, "1.02", new DateOnly(2026, 5, 9), 10));
        await SendAsync(LongKhanh, Corrected(unrevised, "1.02", new DateOnly(2026, 5, 9), 11, revision: 0));
        await SendAsync(LongKhanh, Corrected(unrevised, "1.02", new DateOnly(2026, 5, 9), 11, revision: 0));

        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await SendAsync(LongKhanh, new ActivitiesRecorded(
        [
            Recorded(first, "3.1.01", new DateOnly(2026, 5, 10), 20),
            Recorded(first, "3.1.01", new DateOnly(2026, 5, 10), 20),
            Recorded(second, "3.1.01", new DateOnly(2026, 5, 11), 21),
            Recorded(unrevised, "1.02", new DateOnly(2026, 5, 9), 10),
        ]));
        await SendAsync(LongKhanh, new ActivitiesRecorded([Recorded(second, "3.1.01", new DateOnly(2026, 5, 11), 21)]));
        await SendAsync(LongKhanh, Corrected(second, "3.1.01", new DateOnly(2027, 1, 2), 22, revision: 2));
    }

    /// <summary>The kept month and day rows, zero rows left out, as text lines in key order.</summary>
    private async Task<List<string>> KeptAsync() => await RowsAsync($"""
        select concat_ws('|', 'm', tenant_id, district, plan_line_code, month, logged, people_reached)
        from {Schema}.{ActivityTalliesProjection.MonthTable} where logged <> 0
        union all
        select concat_ws('|', 'd', tenant_id, district, plan_line_code, day, logged, people_reached)
        from {Schema}.{ActivityTalliesProjection.DayTable} where logged <> 0
        order by 1
        """);

    /// <summary>The same lines counted afresh from the activities as they stand.</summary>
    private async Task<List<string>> FreshAsync() => await RowsAsync($"""
        select concat_ws('|', 'm', tenant_id, data ->> 'district', data ->> 'planLineCode', CAST(date_trunc('month', occurred_on) as date),
                         count(*), sum(CAST(data ->> 'peopleReached' as bigint)))
        from {Schema}.mt_doc_loggedactivity where not CAST(data ->> 'voided' as boolean)
        group by tenant_id, data ->> 'district', data ->> 'planLineCode', date_trunc('month', occurred_on)
        union all
        select concat_ws('|', 'd', tenant_id, data ->> 'district', data ->> 'planLineCode', occurred_on,
                         count(*), sum(CAST(data ->> 'peopleReached' as bigint)))
        from {Schema}.mt_doc_loggedactivity where not CAST(data ->> 'voided' as boolean)
        group by tenant_id, data ->> 'district', data ->> 'planLineCode', occurred_on
        order by 1
        """);

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public async Task Kept_tallies_equal_a_fresh_count_after_logs_corrections_moving_line_month_and_people_voids_duplicates_and_late_copies()
    {
        await FeedMixAsync();

        var kept = await KeptAsync();
        kept.ShouldBe(await FreshAsync());
        kept.ShouldBe(
        [
            "d|bien-hoa|bien-hoa|1.02|2025-12-31|1|7",
            "d|bien-hoa|bien-hoa|3.1.01|2026-02-03|1|12",
            "d|long-khanh|long-khanh|1.02|2026-05-09|1|11",
            "d|long-khanh|long-khanh|3.1.01|2026-05-10|1|20",
            "d|long-khanh|long-khanh|3.1.01|2026-07-01|1|9",
            "d|long-khanh|long-khanh|3.1.01|2027-01-02|1|22",
            "m|bien-hoa|bien-hoa|1.02|2025-12-01|1|7",
            "m|bien-hoa|bien-hoa|3.1.01|2026-02-01|1|12",
            "m|long-khanh|long-khanh|1.02|2026-05-01|1|11",
            "m|long-khanh|long-khanh|3.1.01|2026-05-01|1|20",
            "m|long-khanh|long-khanh|3.1.01|2026-07-01|1|9",
            "m|long-khanh|long-khanh|3.1.01|2027-01-01|1|22",
        ]);
    }

    [Fact]
    public async Task Many_activities_of_one_line_and_month_handled_at_once_are_all_counted()
    {
        const int count = 120;
        var day = new DateOnly(2026, 9, 14);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

        // Handled concurrently, each in its own transaction: all race for the same month and day rows.
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            using var scope = fixture.Host.Services.CreateScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            await bus.InvokeForTenantAsync(BienHoa, Recorded(id, "3.1.01", day.AddDays(i % 2), 2));
        }));

        // And corrections moving half of them into another line of the same month, at once too.
        await Task.WhenAll(ids.Where((_, i) => i % 2 == 0).Select(async id =>
        {
            using var scope = fixture.Host.Services.CreateScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            await bus.InvokeForTenantAsync(BienHoa, Corrected(id, "3.1.02", day, 3, revision: 2));
        }));

        var kept = await KeptAsync();
        kept.ShouldBe(await FreshAsync());
        kept.ShouldBe(
        [
            $"d|{BienHoa}|{BienHoa}|3.1.01|2026-09-15|{count / 2}|{count}",
            $"d|{BienHoa}|{BienHoa}|3.1.02|2026-09-14|{count / 2}|{count / 2 * 3}",
            $"m|{BienHoa}|{BienHoa}|3.1.01|2026-09-01|{count / 2}|{count}",
            $"m|{BienHoa}|{BienHoa}|3.1.02|2026-09-01|{count / 2}|{count / 2 * 3}",
        ]);
    }

    [Fact]
    public async Task Marten_rebuild_from_the_events_and_the_recount_from_the_activities_reproduce_the_tallies_from_scratch()
    {
        await FeedMixAsync();
        var kept = await KeptAsync();

        await fixture.ExecuteSqlAsync($"update {Schema}.{ActivityTalliesProjection.MonthTable} set logged = logged + 5");
        await fixture.ExecuteSqlAsync($"delete from {Schema}.{ActivityTalliesProjection.DayTable}");
        await fixture.ExecuteSqlAsync($"delete from {Schema}.{ActivityTalliesProjection.LedgerTable} where voided");
        (await KeptAsync()).ShouldNotBe(kept);

        await ActivityTalliesProjection.RebuildAsync(fixture.Store, CancellationToken.None);
        (await KeptAsync()).ShouldBe(kept);

        await fixture.ExecuteSqlAsync($"update {Schema}.{ActivityTalliesProjection.DayTable} set people_reached = 0");
        await ActivityTalliesProjection.RecountAsync(fixture.Store, CancellationToken.None);
        (await KeptAsync()).ShouldBe(kept);

        // The ledger a rebuild leaves goes on counting: a later void and correction are applied to it.
        var later = Guid.NewGuid();
        await SendAsync(BienHoa, Recorded(later, "3.1.01", new DateOnly(2026, 2, 3), 1));
        await SendAsync(BienHoa, Corrected(later, "3.1.01", new DateOnly(2026, 2, 3), 4, revision: 2));
        (await KeptAsync()).ShouldBe(await FreshAsync());
    }

    [Fact]
    public async Task A_read_gives_the_same_answer_with_many_activities_in_other_months_years_and_units_and_reads_only_tally_rows()
    {
        await FeedMixAsync();
        string[] units = [BienHoa, LongKhanh];
        var asOf = new DateOnly(2026, 5, 10);
        await using var session = fixture.Store.QuerySession(BienHoa);
        var before = await ProgressReader.ActivityTalliesAsync(session, units, 2026, asOf, CancellationToken.None);
        before.ShouldNotBeEmpty();

        // Other units, other years, and the days after the read's own day.
        foreach (var (unit, year) in new[] { ("xuan-loc", 2026), (BienHoa, 2025), (LongKhanh, 2027), (BienHoa, 2024) })
        {
            await SendAsync(unit, new ActivitiesRecorded([.. Enumerable.Range(0, 300).Select(i =>
                Recorded(Guid.NewGuid(), i % 2 == 0 ? "3.1.01" : "1.02", new DateOnly(year, 1 + i % 12, 1 + i % 28), 1))]));
        }

        await SendAsync(LongKhanh, new ActivitiesRecorded([.. Enumerable.Range(0, 100).Select(i =>
            Recorded(Guid.NewGuid(), "3.1.01", new DateOnly(2026, 5, 11 + i % 20), 1))]));

        (await ProgressReader.ActivityTalliesAsync(session, units, 2026, asOf, CancellationToken.None)).ShouldBe(before);
        (await KeptAsync()).ShouldBe(await FreshAsync());

        var sql = ProgressReader.TalliesSql(fixture.Store.Options)
            .Replace(":tenants", "array['bien-hoa', 'long-khanh']", StringComparison.Ordinal)
            .Replace(":first", "CAST('2026-01-01' as date)", StringComparison.Ordinal)
            .Replace(":last", "CAST('2026-05-10' as date)", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using (var noSeqScan = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("explain " + sql, connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join("\n", plan);
        // Each table read as one range of its primary key (tenant, then period): the unit's year, nothing else.
        foreach (var (table, period) in new[] { (ActivityTalliesProjection.MonthTable, "month"), (ActivityTalliesProjection.DayTable, "day") })
        {
            text.ShouldContain($"Index Scan using pkey_{table}_tenant_id_{period}_", Case.Sensitive, text);
            text.ShouldContain($"Index Cond: (((tenant_id)::text = ANY ('{{bien-hoa,long-khanh}}'::text[])) AND ({period} >= ", Case.Sensitive, text);
        }

        text.ShouldNotContain("mt_doc_loggedactivity", Case.Sensitive, text);
        text.ShouldNotContain("Seq Scan", Case.Sensitive, text);
    }
}
