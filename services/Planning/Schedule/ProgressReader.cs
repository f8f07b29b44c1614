using System.Collections.Concurrent;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Progress;
using Marten;

namespace BhxhPlatform.Planning.Schedule;

/// <summary>
/// What a unit's progress for a year as of a day is computed from: the tree that holds the unit, the units whose
/// plans are read (see <see cref="ProgressReader.UnitsOfReport"/>), their plans and the facts received for them.
/// </summary>
public sealed record ProgressInputs(UnitTree Tree, IReadOnlyList<string> Units, IReadOnlyList<ProgressPlan> Plans, ProgressFacts Facts)
{
    /// <summary>The progress of <paramref name="unit"/> as <see cref="ProgressCalculator"/> makes it of these inputs.</summary>
    public ProgressReport Report(string unit, int year, DateOnly asOf) => ProgressCalculator.Report(unit, year, asOf, Plans, Facts);
}

/// <summary>
/// The one reading of a unit's (or a province's) progress: the progress endpoint, the results report, the month-end
/// reminder and the working lists all read it here, so that for the same day they name the same lines overdue.
/// </summary>
public sealed class ProgressReader(UnitTrees trees, ProgressPlanReader plansRead)
{
    /// <summary>The inputs of <paramref name="unit"/>'s progress for <paramref name="year"/> as of <paramref name="asOf"/>; null when the unit is in no tree or runs no plans.</summary>
    public Task<ProgressInputs?> ReadAsync(IQuerySession session, string unit, int year, DateOnly asOf, CancellationToken cancellation) =>
        ReadAsync(session, unit, year, asOf, asOf, cancellation);

    /// <summary>
    /// As <see cref="ReadAsync(IQuerySession, string, int, DateOnly, CancellationToken)"/>, with the units that ran plans up to
    /// <paramref name="unitsThrough"/> rather than up to <paramref name="asOf"/> (the month-end reminder: the units of the month,
    /// their figures as of the next month's first day).
    /// </summary>
    public async Task<ProgressInputs?> ReadAsync(
        IQuerySession session, string unit, int year, DateOnly asOf, DateOnly unitsThrough, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var tree = await trees.HoldingAsync(unit, cancellation);
        if (tree is null || UnitsOfReport(tree, unit, year, unitsThrough) is not { } units)
        {
            return null;
        }

        if (units.Count == 0)
        {
            return new ProgressInputs(tree, units, [], new ProgressFacts([], [], [], [], []));
        }

        var data = await ReportDataAsync(session, units, year, asOf, cancellation);
        var plans = await plansRead.PlansAsync(session, data.Plans, cancellation);
        return new ProgressInputs(tree, units, plans, new ProgressFacts(data.Activities, data.Trainings, data.Agreements, data.Enrolments, data.Commendations));
    }

    /// <summary>The progress of <paramref name="unit"/> for <paramref name="year"/> as of <paramref name="asOf"/> (what the progress endpoint answers); null as <see cref="ReadAsync(IQuerySession, string, int, DateOnly, CancellationToken)"/>.</summary>
    public async Task<ProgressReport?> ReportAsync(IQuerySession session, string unit, int year, DateOnly asOf, CancellationToken cancellation) =>
        (await ReadAsync(session, unit, year, asOf, cancellation))?.Report(unit, year, asOf);

    /// <summary>
    /// The units whose plans a report reads, by the tree valid on each day of the year up to <paramref name="asOf"/>:
    /// for a province, every unit that ran plans on one of those days (in 2025: the district-era offices until
    /// 30 June and the grassroots offices from 1 July); for a unit, the unit and the units whose history rolls into it.
    /// A unit that ceased keeps its own report. Null when the unit is not in a tree.
    /// </summary>
    public static IReadOnlyList<string>? UnitsOfReport(UnitTree? tree, string unit, int year, DateOnly asOf)
    {
        if (tree?.Find(unit) is not { } found)
        {
            return null;
        }

        var first = new DateOnly(year, 1, 1);
        var last = asOf.Year > year ? new DateOnly(year, 12, 31) : asOf;
        bool RanPlansInPeriod(OrganisationUnit u) =>
            u.RunsPlans && u.ValidFrom <= last && (u.ValidTo is null || u.ValidTo >= first);
        if (found.Kind == UnitKind.ProvincialOffice)
        {
            return [.. tree.Units.Values.Where(RanPlansInPeriod).Select(u => u.Id).Order(StringComparer.Ordinal)];
        }

        return found.RunsPlans
            ? [.. tree.LineageOf(unit).Where(id => tree.Find(id) is { } u && RanPlansInPeriod(u))]
            : null;
    }

    private static readonly Type[] ReportDocuments =
        [typeof(DistrictPlan), typeof(LoggedActivity), typeof(HeldTraining), typeof(KnownAgreement), typeof(ReceivedEnrolment), typeof(KnownCommendation)];

    /// <summary>What one report is made of, as <see cref="ReportDataAsync"/> reads it.</summary>
    public sealed record ReportData(
        IReadOnlyList<StoredPlan> Plans,
        IReadOnlyList<MonthTally> Activities,
        IReadOnlyList<HeldTraining> Trainings,
        IReadOnlyList<KnownAgreement> Agreements,
        IReadOnlyList<ReceivedEnrolment> Enrolments,
        IReadOnlyList<KnownCommendation> Commendations);

    /// <summary>
    /// The plans of <paramref name="districts"/> for <paramref name="year"/> (which and at which version only),
    /// their activities tallied as by <see cref="ActivityTalliesAsync"/> (in no particular order), and their
    /// trainings, agreements, enrolments and commendations: one statement returning one row, one round trip.
    /// </summary>
    public static async Task<ReportData> ReportDataAsync(
        IQuerySession session, IReadOnlyCollection<string> districts, int year, DateOnly asOf, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(districts);
        var options = session.DocumentStore.Options;
        string Table<T>() => options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var last = asOf.Year > year ? new DateOnly(year, 12, 31) : asOf;

        // What Marten's own queries do first (once per type and process): a table not yet created is created.
        foreach (var type in ReportDocuments)
        {
            await session.Database.EnsureStorageExistsAsync(type, cancellation);
        }

        // Property names as Marten's serializer writes them (camelCase), so that the row reads back with it.
        // The plans' bodies (some 44 kB of JSON each, mostly catalogue texts) are not read here: see ProgressPlanReader.
        var sql = $"""
            select jsonb_build_object(
                'plans', coalesce((
                    select jsonb_agg(jsonb_build_object('tenant', p.tenant_id, 'id', p.id, 'version', p.mt_version, 'modified', p.mt_last_modified))
                    from {Table<DistrictPlan>()} as p
                    where p.tenant_id = any(:tenants) and CAST(p.data ->> 'year' as integer) = :year), '[]'),
                'activities', coalesce((select jsonb_agg(t.tally) from ({TalliesSql(options)}) as t(tally)), '[]'),
                'trainings', coalesce((select jsonb_agg(d.data) from {Table<HeldTraining>()} as d where d.tenant_id = any(:tenants)), '[]'),
                'agreements', coalesce((select jsonb_agg(d.data) from {Table<KnownAgreement>()} as d where d.tenant_id = any(:tenants)), '[]'),
                'enrolments', coalesce((select jsonb_agg(d.data) from {Table<ReceivedEnrolment>()} as d where d.tenant_id = any(:tenants)), '[]'),
                'commendations', coalesce((select jsonb_agg(d.data) from {Table<KnownCommendation>()} as d where d.tenant_id = any(:tenants)), '[]'))
            """;
        var rows = await session.AdvancedSql.QueryAsync<ReportData>(
            sql, cancellation, new { tenants = districts.ToArray(), year, first = new DateOnly(year, 1, 1), last });
        return rows.Single();
    }

    /// <summary>
    /// <see cref="ProgressCalculator.Tally"/> as the kept tallies answer it: the activities of <paramref name="districts"/>
    /// not voided, of <paramref name="year"/> up to <paramref name="asOf"/>, counted per district, plan line and
    /// month, read from month and day rows (see <see cref="TalliesSql"/>), never from the activities themselves.
    /// </summary>
    public static async Task<IReadOnlyList<MonthTally>> ActivityTalliesAsync(
        IQuerySession session, IReadOnlyCollection<string> districts, int year, DateOnly asOf, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(districts);
        var last = asOf.Year > year ? new DateOnly(year, 12, 31) : asOf;
        if (districts.Count == 0 || last < new DateOnly(year, 1, 1))
        {
            return [];
        }

        var tallies = await session.AdvancedSql.QueryAsync<MonthTally>(
            TalliesSql(session.DocumentStore.Options), cancellation, new { tenants = districts.ToArray(), first = new DateOnly(year, 1, 1), last });
        return tallies
            .OrderBy(t => t.District, StringComparer.Ordinal)
            .ThenBy(t => t.PlanLineCode, StringComparer.Ordinal)
            .ThenBy(t => t.Month)
            .ToList();
    }

    /// <summary>
    /// The tallies (public for the query-plan test), one JSON object a row, of the tenants <c>:tenants</c> from day <c>:first</c> to day <c>:last</c>, read
    /// from the counts <see cref="ActivityTalliesProjection"/> keeps: the whole months before <c>:last</c>'s month from the
    /// month rows, and <c>:last</c>'s month from its day rows up to <c>:last</c>. Both are index ranges of the unit's
    /// year (tenant, then period), so the read costs the same with five million activities stored as with three hundred.
    /// A line-month whose activities all moved away keeps a row of zero, left out as a fresh count leaves it out.
    /// </summary>
    public static string TalliesSql(IReadOnlyStoreOptions options)
    {
        var schema = options.Events.DatabaseSchemaName;
        return $"""
            select jsonb_build_object(
                'district', k.district, 'planLineCode', k.plan_line_code, 'month', k.month,
                'logged', sum(k.logged), 'peopleReached', sum(k.people_reached))
            from (
                select m.district, m.plan_line_code, CAST(extract(month from m.month) as integer) as month, m.logged, m.people_reached
                from {schema}.{ActivityTalliesProjection.MonthTable} as m
                where m.tenant_id = any(:tenants) and m.month >= :first and m.month < CAST(date_trunc('month', CAST(:last as date)) as date)
                union all
                select d.district, d.plan_line_code, CAST(extract(month from d.day) as integer), d.logged, d.people_reached
                from {schema}.{ActivityTalliesProjection.DayTable} as d
                where d.tenant_id = any(:tenants) and d.day >= greatest(:first, CAST(date_trunc('month', CAST(:last as date)) as date)) and d.day <= :last) as k
            group by k.district, k.plan_line_code, k.month
            having sum(k.logged) <> 0
            """;
    }
}

/// <summary>A district plan as stored: its unit, id, version and the time of its last write.</summary>
public sealed record StoredPlan(string Tenant, Guid Id, long Version, DateTimeOffset Modified);

/// <summary>
/// Reads the <see cref="ProgressPlan"/> of stored plans, and keeps each one for as long as its stored version
/// and time of last write stay the same (a plan changes only through its events, each of which rewrites it).
/// A report then reads only which plans there are, not their bodies: a plan of the 43 catalogue lines is some
/// 44 kB of JSON that PostgreSQL had to decompress and turn into text, and the service to deserialise, on every
/// report. One entry per plan; the time of the write tells a plan rebuilt or recreated at the same version.
/// </summary>
public sealed class ProgressPlanReader
{
    private readonly ConcurrentDictionary<(string Tenant, Guid Id), (StoredPlan Stored, ProgressPlan Plan)> _plans = new();

    public async Task<IReadOnlyList<ProgressPlan>> PlansAsync(IQuerySession session, IReadOnlyList<StoredPlan> stored, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stored);
        var missing = stored.Where(s => !(_plans.TryGetValue((s.Tenant, s.Id), out var kept) && kept.Stored == s)).ToList();
        if (missing.Count > 0)
        {
            foreach (var (read, plan) in await ReadAsync(session, missing, cancellation))
            {
                _plans[(read.Tenant, read.Id)] = (read, plan);
            }
        }

        return stored.Select(s => _plans.TryGetValue((s.Tenant, s.Id), out var kept)
            ? kept.Plan
            : throw new InvalidOperationException($"The plan {s.Id} of {s.Tenant} was not found.")).ToList();
    }

    private sealed record ReadPlan(StoredPlan Stored, ProgressPlan Plan);

    /// <summary>The <see cref="ProgressPlan"/> shape is built by PostgreSQL, so the catalogue texts stay in the database.</summary>
    private static async Task<IEnumerable<(StoredPlan, ProgressPlan)>> ReadAsync(
        IQuerySession session, IReadOnlyList<StoredPlan> plans, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(DistrictPlan)).TableName.QualifiedName;

        // jsonb_to_record decompresses the stored plan once, where each "data -> field" would do it again.
        var sql = $"""
            select jsonb_build_object(
                'stored', jsonb_build_object('tenant', p.tenant_id, 'id', p.id, 'version', p.mt_version, 'modified', p.mt_last_modified),
                'plan', jsonb_build_object(
                    'id', p.id, 'district', r.district, 'status', r.status, 'revision', r.revision,
                    'peopleReachedTarget', r."peopleReachedTarget", 'enrolmentTargets', r."enrolmentTargets",
                    'lines', coalesce((
                        select jsonb_agg(jsonb_build_object(
                            'code', l.line -> 'code', 'audienceCode', l.line -> 'audienceCode', 'frequency', l.line -> 'frequency',
                            'coordination', l.line -> 'coordination', 'target', l.target) order by l.position)
                        from rows from (jsonb_to_recordset(r.lines) as (line jsonb, target jsonb)) with ordinality as l(line, target, position)), '[]')))
            from {table} as p
            cross join lateral jsonb_to_record(p.data) as r(
                district jsonb, status jsonb, revision jsonb, "peopleReachedTarget" jsonb, "enrolmentTargets" jsonb, lines jsonb)
            where p.tenant_id = any(:tenants) and p.id = any(:ids)
            """;
        var read = await session.AdvancedSql.QueryAsync<ReadPlan>(
            sql, cancellation, new { tenants = plans.Select(p => p.Tenant).Distinct().ToArray(), ids = plans.Select(p => p.Id).ToArray() });
        return read.Select(r => (r.Stored, r.Plan));
    }
}
