using JasperFx.Events;
using Marten;
using Marten.Events.Daemon;
using Marten.Events.Projections;
using Marten.Schema;
using Weasel.Postgresql.Tables;

namespace BhxhPlatform.Planning.Progress;

/// <summary>
/// The activity tallies: what each activity counts for (one ledger row per activity), and the counts kept per
/// unit (tenant), district, plan line and month, with the days of each month beside them, so that progress as
/// of a day D reads the whole months before D's month and the days of D's month up to D: a few hundred rows for a
/// unit's year whatever the number of activities stored.
/// </summary>
/// <remarks>
/// <para>
/// Why an <see cref="EventProjection"/> writing SQL, and not one of Marten's aggregating projections: a correction
/// moves an activity to another line, month or people count, so the tally it leaves must lose what the activity
/// counted before, which the correction event does not carry. A multi-stream projection grouping by line and month
/// could not find the old tally from the event, and run inline it loads, changes and stores the tally document,
/// so two activities of one line-month handled at once would overwrite each other (last write wins).
/// Marten's <c>FlatTableProjection</c> increments columns atomically but keys a row by the event's own members only.
/// Here each event's statement reads what the activity counted from the ledger (locking that row), replaces it,
/// and applies the difference to the month and day rows with <c>insert … on conflict do update set x = x + excluded.x</c>,
/// which PostgreSQL serialises per row: concurrent handlers never lose a count. It runs inline, in the unit of work
/// that appends the event and writes the <see cref="LoggedActivity"/> snapshot, so the tallies commit or roll back
/// with it; a duplicate or late copy appends no event (the handlers decide that), so it counts nothing.
/// </para>
/// <para>
/// The tables are Planning's own, declared as Weasel tables in <see cref="EventProjection.SchemaObjects"/> so Marten
/// creates and migrates them; Marten's rebuild (<see cref="RebuildAsync"/>) empties them and replays the events in
/// order, and <see cref="RecountAsync"/> recomputes them from the stored <see cref="LoggedActivity"/> documents.
/// </para>
/// </remarks>
public sealed class ActivityTalliesProjection : EventProjection
{
    public const string ProjectionName = "ActivityTallies";
    public const string LedgerTable = "activity_tally_ledger";
    public const string MonthTable = "activity_tally_month";
    public const string DayTable = "activity_tally_day";

    private readonly string _apply;

    public ActivityTalliesProjection(string schema)
    {
        Name = ProjectionName;
        Schema = schema;

        var ledger = new Table($"{schema}.{LedgerTable}");
        ledger.AddColumn<string>("tenant_id").AsPrimaryKey();
        ledger.AddColumn<Guid>("activity_id").AsPrimaryKey();
        ledger.AddColumn<string>("district");
        ledger.AddColumn<string>("plan_line_code");
        ledger.AddColumn("occurred_on", "date");
        ledger.AddColumn<long>("people_reached");
        ledger.AddColumn<bool>("voided").NotNull();
        SchemaObjects.Add(ledger);

        // The period second in the key: a year's read is one index range per unit, however many years are kept.
        foreach (var (name, period) in new[] { (MonthTable, "month"), (DayTable, "day") })
        {
            var table = new Table($"{schema}.{name}");
            table.AddColumn<string>("tenant_id").AsPrimaryKey();
            table.AddColumn(period, "date").AsPrimaryKey();
            table.AddColumn<string>("district").AsPrimaryKey();
            table.AddColumn<string>("plan_line_code").AsPrimaryKey();
            table.AddColumn<long>("logged").NotNull();
            table.AddColumn<long>("people_reached").NotNull();
            SchemaObjects.Add(table);
        }

        Options.DeleteDataInTableOnTeardown($"{schema}.{LedgerTable}");
        Options.DeleteDataInTableOnTeardown($"{schema}.{MonthTable}");
        Options.DeleteDataInTableOnTeardown($"{schema}.{DayTable}");
        _apply = ApplySql(schema);
    }

    /// <summary>The schema of the tally tables (Planning's).</summary>
    public string Schema { get; }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Data)
        {
            case LoggedActivityReceived r:
                Queue(operations, e, r.ActivityId, r.District, r.PlanLineCode, r.OccurredOn, r.PeopleReached, "logged");
                break;
            case ActivityCorrectionReceived c:
                Queue(operations, e, c.ActivityId, c.District, c.PlanLineCode, c.OccurredOn, c.PeopleReached, "corrected");
                break;
            case ActivityVoidReceived v:
                Queue(operations, e, v.ActivityId, v.District, null, null, null, "voided");
                break;
        }

        return ValueTask.CompletedTask;
    }

    private void Queue(
        IDocumentOperations operations, IEvent e, Guid activityId, string district, string? line, DateOnly? day, int? people, string kind) =>
        operations.QueueSqlCommand(_apply, e.TenantId, activityId, district, (object?)line ?? DBNull.Value,
            day is { } d ? d : DBNull.Value, people is { } p ? (long)p : DBNull.Value, kind);

    /// <summary>
    /// One event, one statement: the activity's ledger row before (locked) and after, and the difference of the
    /// two applied to the month and day rows. A logged activity counts; a correction replaces line, day and people
    /// and keeps the activity voided if it was; a void keeps the fields and stops the count (a void before the
    /// activity leaves a voided row, so the late activity, a new stream, counts nothing: the handler never appends it).
    /// </summary>
    private static string ApplySql(string schema) => $"""
        with i as (
            select ?::varchar as tenant_id, ?::uuid as activity_id, ?::varchar as district, ?::varchar as plan_line_code,
                   ?::date as occurred_on, ?::bigint as people_reached, ?::varchar as kind),
        o as (
            select l.* from {schema}.{LedgerTable} as l join i on l.tenant_id = i.tenant_id and l.activity_id = i.activity_id
            for update of l),
        n as (
            select i.tenant_id, i.activity_id,
                   case when i.kind = 'voided' then coalesce(o.district, i.district) else i.district end as district,
                   case when i.kind = 'voided' then o.plan_line_code else i.plan_line_code end as plan_line_code,
                   case when i.kind = 'voided' then o.occurred_on else i.occurred_on end as occurred_on,
                   case when i.kind = 'voided' then o.people_reached else i.people_reached end as people_reached,
                   case i.kind when 'logged' then false when 'voided' then true else coalesce(o.voided, false) end as voided
            from i left join o on true),
        w as (
            insert into {schema}.{LedgerTable} as l (tenant_id, activity_id, district, plan_line_code, occurred_on, people_reached, voided)
            select * from n
            on conflict (tenant_id, activity_id) do update set district = excluded.district, plan_line_code = excluded.plan_line_code,
                occurred_on = excluded.occurred_on, people_reached = excluded.people_reached, voided = excluded.voided),
        d as (
            select tenant_id, district, plan_line_code, occurred_on, sum(logged) as logged, sum(people_reached) as people_reached
            from (select tenant_id, district, plan_line_code, occurred_on, -1 as logged, -people_reached as people_reached from o where not o.voided
                  union all
                  select tenant_id, district, plan_line_code, occurred_on, 1, people_reached from n where not n.voided) as c
            group by tenant_id, district, plan_line_code, occurred_on),
        m as (
            insert into {schema}.{MonthTable} as t (tenant_id, month, district, plan_line_code, logged, people_reached)
            select tenant_id, CAST(date_trunc('month', occurred_on) as date), district, plan_line_code, sum(logged), sum(people_reached)
            from d group by 1, 2, 3, 4 order by 1, 2, 3, 4
            on conflict (tenant_id, month, district, plan_line_code)
            do update set logged = t.logged + excluded.logged, people_reached = t.people_reached + excluded.people_reached)
        insert into {schema}.{DayTable} as t (tenant_id, day, district, plan_line_code, logged, people_reached)
        select tenant_id, occurred_on, district, plan_line_code, logged, people_reached from d order by 1, 2, 3, 4
        on conflict (tenant_id, day, district, plan_line_code)
        do update set logged = t.logged + excluded.logged, people_reached = t.people_reached + excluded.people_reached
        """;

    /// <summary>
    /// The tallies rebuilt by Marten from the events: the three tables emptied, then every activity event replayed in
    /// order through this projection. Handlers writing meanwhile are not stopped: run it when Planning receives nothing.
    /// </summary>
    public static async Task RebuildAsync(IDocumentStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ProjectionName, TimeSpan.FromMinutes(30), cancellation);
    }

    /// <summary>
    /// The tallies recomputed from the stored <see cref="LoggedActivity"/> documents (the snapshots of the same events),
    /// set-based, in one transaction that locks the tables against the handlers: what a rebuild does, at the speed of a
    /// few statements, and the check that the kept counts are what a fresh count makes.
    /// </summary>
    public static async Task RecountAsync(IDocumentStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var schema = store.Options.Events.DatabaseSchemaName;
        var documents = store.Options.FindOrResolveDocumentType(typeof(LoggedActivity)).TableName.QualifiedName;
        // A recount reads every activity stored: minutes at national scale, longer than a command's usual timeout.
        await using var session = store.LightweightSession(new Marten.Services.SessionOptions { Timeout = (int)TimeSpan.FromHours(1).TotalSeconds });
        await session.Database.EnsureStorageExistsAsync(typeof(LoggedActivity), cancellation);
        session.QueueSqlCommand($"lock table {schema}.{LedgerTable}, {schema}.{MonthTable}, {schema}.{DayTable} in exclusive mode");
        session.QueueSqlCommand($"truncate {schema}.{LedgerTable}, {schema}.{MonthTable}, {schema}.{DayTable}");
        session.QueueSqlCommand($"""
            insert into {schema}.{LedgerTable} (tenant_id, activity_id, district, plan_line_code, occurred_on, people_reached, voided)
            select d.tenant_id, d.id, d.data ->> 'district', nullif(d.data ->> 'planLineCode', ''), d.occurred_on,
                   CAST(d.data ->> 'peopleReached' as bigint), CAST(d.data ->> 'voided' as boolean)
            from {documents} as d
            """);
        session.QueueSqlCommand($"""
            insert into {schema}.{DayTable} (tenant_id, day, district, plan_line_code, logged, people_reached)
            select tenant_id, occurred_on, district, plan_line_code, count(*), sum(people_reached)
            from {schema}.{LedgerTable} where not voided group by 1, 2, 3, 4
            """);
        session.QueueSqlCommand($"""
            insert into {schema}.{MonthTable} (tenant_id, month, district, plan_line_code, logged, people_reached)
            select tenant_id, CAST(date_trunc('month', day) as date), district, plan_line_code, sum(logged), sum(people_reached)
            from {schema}.{DayTable} group by 1, 2, 3, 4
            """);
        await session.SaveChangesAsync(cancellation);
    }
}

/// <summary>
/// Marten's reset (tests) deletes documents and events but knows nothing of the tally tables; as initial data (also
/// applied at start-up) they are emptied when no activity is stored, so a reset store starts from zero. With activities
/// stored it changes nothing.
/// </summary>
public sealed class EmptyTalliesOfAnEmptyStore : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var schema = store.Options.Events.DatabaseSchemaName;
        var documents = store.Options.FindOrResolveDocumentType(typeof(LoggedActivity)).TableName.QualifiedName;
        await using var session = store.LightweightSession();
        await session.Database.EnsureStorageExistsAsync(typeof(LoggedActivity), cancellation);
        await session.Database.EnsureStorageExistsAsync(typeof(IEvent), cancellation);
        // An uncorrelated "not exists" is one check before the scan: with activities stored, nothing is read.
        foreach (var table in new[] { ActivityTalliesProjection.LedgerTable, ActivityTalliesProjection.MonthTable, ActivityTalliesProjection.DayTable })
        {
            session.QueueSqlCommand($"delete from {schema}.{table} where not exists (select 1 from {documents})");
        }

        await session.SaveChangesAsync(cancellation);
    }
}
