using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.TestSupport;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Npgsql;
using Weasel.Core;

namespace BhxhPlatform.Benchmarks;

/// <summary>
/// How Planning's progress reads grow with history (issue 24): a national data set of Planning's own activity
/// events and snapshots, appended through Marten's bulk paths (the events with <c>BulkInsertEventStreamAsync</c>,
/// the <see cref="LoggedActivity"/> snapshots with <c>BulkInsertDocumentsAsync</c>, both COPY), the tallies then
/// recounted from the snapshots (<see cref="ActivityTalliesProjection.RecountAsync"/>: bulk loads bypass inline
/// projections), and the reads measured through the running Planning service at each size.
/// </summary>
/// <remarks>
/// The organisation tree holds only Đồng Nai (11 district offices): the other 33 provinces' offices are generated
/// tenants (<c>p02-u01</c> …, 10 a province), 11 + 330 = 341 offices. Their activities are history in the same
/// tables; the reads are of Đồng Nai's units, which the service knows.
/// </remarks>
public static class Scale
{
    private static readonly string[] DongNai =
        ["bien-hoa", "long-khanh", "tan-phu", "vinh-cuu", "dinh-quan", "trang-bom", "thong-nhat", "cam-my", "long-thanh", "xuan-loc", "nhon-trach"];

    private const string ReadUnit = "long-thanh";

    public static async Task<int> RunAsync(string[] args)
    {
        // scale [seconds per figure] [report path] [sizes, comma separated]
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var reportPath = args.Length > 1 ? args[1] : Path.Combine("benchmarks", "results-scale.md");
        var sizes = (args.Length > 2 ? args[2] : "300,100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(seconds);
        var token = TestTokens.Mint("bench", ["province-admin"], "dong-nai", expires: DateTime.UtcNow.AddHours(6));
        var lines = ReadCatalogueLines();
        var tenants = DongNai.Concat(Enumerable.Range(2, 33).SelectMany(p => Enumerable.Range(1, 10).Select(u => $"p{p:00}-u{u:00}"))).ToArray();
        void Log(string line) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");

        Log($"Scale run: {tenants.Length} offices, sizes {string.Join(", ", sizes)}, {seconds} s per figure");
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var planning = await ServiceProcess.StartAsync("planning", postgres.ConnectionString);
        HttpClient Client()
        {
            var client = planning.Client();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        }

        using (var approving = Client())
        {
            await ApprovedPlans.GivenApprovedPlanAsync(approving, null, ReadUnit);
        }

        // A store mapped as Planning maps its progress documents and events, writing into Planning's schema.
        using var store = DocumentStore.For(options =>
        {
            options.Connection(postgres.ConnectionString);
            options.DatabaseSchemaName = "planning";
            options.Events.DatabaseSchemaName = "planning";
            options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Events.MetadataConfig.EnableAll();
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.AutoCreateSchemaObjects = AutoCreate.None;
            options.AddProgress();
        });

        var random = new Random(24);
        long stored = 0;
        var rows = new List<string>();
        foreach (var size in sizes)
        {
            var adding = size - stored;
            var clock = Stopwatch.StartNew();
            if (stored == 0)
            {
                // The first size is the benchmark's usual one: all in the read unit.
                await AppendAsync(store, ReadUnit, Activities(ReadUnit, (int)adding, random, lines));
            }
            else
            {
                var perTenant = adding / tenants.Length;
                var extra = adding - perTenant * tenants.Length;
                await Parallel.ForEachAsync(tenants.Select((t, i) => (t, n: (int)(perTenant + (i < extra ? 1 : 0)))),
                    new ParallelOptions { MaxDegreeOfParallelism = 2 },
                    async (item, _) => await AppendAsync(store, item.t, Activities(item.t, item.n, new Random(item.t.GetHashCode(StringComparison.Ordinal) ^ (int)size), lines)));
            }

            stored = size;
            var appended = clock.Elapsed;
            clock.Restart();
            await ActivityTalliesProjection.RecountAsync(store, CancellationToken.None);
            var recount = clock.Elapsed;
            await using (var vacuum = new NpgsqlConnection(postgres.ConnectionString))
            {
                await vacuum.OpenAsync();
                await using var analyze = new NpgsqlCommand("analyze", vacuum);
                await analyze.ExecuteNonQueryAsync();
            }

            var unitActivities = await ScalarAsync(postgres.ConnectionString, $"select count(*) from planning.mt_doc_loggedactivity where tenant_id = '{ReadUnit}'");
            Log($"{size:N0} activities stored ({unitActivities:N0} in {ReadUnit}): appended in {appended.TotalSeconds:F1} s ({adding / appended.TotalSeconds:F0}/s), tallies recounted in {recount.TotalSeconds:F1} s ({size / recount.TotalSeconds:F0} activities/s)");

            var sqlMs = new[]
            {
                await StatementMsAsync(postgres.ConnectionString, store, fresh: false, [ReadUnit]),
                await StatementMsAsync(postgres.ConnectionString, store, fresh: true, [ReadUnit]),
                await StatementMsAsync(postgres.ConnectionString, store, fresh: false, DongNai),
                await StatementMsAsync(postgres.ConnectionString, store, fresh: true, DongNai),
            };
            Log($"  SQL alone, ms: tallies {sqlMs[0]:F2} vs fresh count {sqlMs[1]:F2} (one unit); tallies {sqlMs[2]:F2} vs fresh count {sqlMs[3]:F2} (11 units)");
            var measured = new List<Measurement>();
            foreach (var (name, url) in new (string, string)[]
            {
                ("progress by line, one unit", $"/api/units/{ReadUnit}/progress/lines"),
                ("year report of one unit (43 lines)", $"/api/units/{ReadUnit}/progress/years/2026?asOf=2026-11-15"),
                ("province dashboard (every unit of Đồng Nai)", "/api/units/dong-nai/progress/years/2026?asOf=2026-11-15"),
            })
            {
                var http = Enumerable.Range(0, 16).Select(_ => Client()).ToArray();
                var m = await Measurement.RunAsync(name, 16, duration, async (client, _) =>
                {
                    using var response = await http[client].GetAsync(new Uri(url, UriKind.Relative));
                    await response.Content.CopyToAsync(Stream.Null);
                    return response.IsSuccessStatusCode;
                });
                measured.Add(m);
                Log($"  {name}: {m.PerSecond:F0}/s p50 {m.P50Ms:F1} ms p99 {m.P99Ms:F1} ms, {m.Failures} failures");
                foreach (var client in http)
                {
                    client.Dispose();
                }
            }

            var inv = CultureInfo.InvariantCulture;
            var figures = string.Join(" | ", measured.Select(m => string.Create(inv,
                $"{m.PerSecond:F0}/s, p50 {m.P50Ms:F1}, p99 **{m.P99Ms:F1}**{(m.Failures > 0 ? $", {m.Failures} failed" : "")}")));
            rows.Add(string.Create(inv, $"| {size:N0} | {unitActivities:N0} | {appended.TotalSeconds:F0} s ({adding / appended.TotalSeconds:F0}/s) | ")
                + string.Create(inv, $"{recount.TotalSeconds:F1} s ({size / recount.TotalSeconds:F0}/s) | {figures} | ")
                + string.Create(inv, $"{sqlMs[0]:F2} vs {sqlMs[1]:F2} | {sqlMs[2]:F2} vs {sqlMs[3]:F2} |"));

            // Written after each size, so a run stopped before the largest keeps what it measured.
            await WriteReportAsync(reportPath, seconds, tenants.Length, rows);
        }

        Log($"Report written to {reportPath}");
        return 0;
    }

    private static async Task WriteReportAsync(string reportPath, int seconds, int offices, List<string> rows)
    {
        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (.NET {Environment.Version}); {seconds} s per figure, 16 clients; {offices} offices ({DongNai.Length} of Đồng Nai from the tree, {offices - DongNai.Length} generated for 33 other provinces)."));
        report.AppendLine();
        report.AppendLine("| activities stored | in the read unit | bulk append (events + snapshots) | tallies recount | progress by line | year report of one unit | province dashboard (11 units) | SQL alone, one unit: tallies vs fresh count, ms | SQL alone, 11 units: tallies vs fresh count, ms |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            report.AppendLine(row);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
        await File.WriteAllTextAsync(reportPath, report.ToString());
    }

    private static string[] ReadCatalogueLines()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "catalogue.json");
        if (!File.Exists(path))
        {
            path = Path.Combine("services", "Planning", "Catalogue", "catalogue.json");
        }

        using var catalogue = JsonDocument.Parse(File.ReadAllText(path));
        return [.. catalogue.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("code").GetString()!)];
    }

    private static List<LoggedActivity> Activities(string tenant, int count, Random random, string[] lines) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var line = lines[random.Next(lines.Length)];
            var day = new DateOnly(2024, 1, 1).AddDays(random.Next(3 * 365));
            return new LoggedActivity(Guid.CreateVersion7(), tenant, Guid.Empty, line, line[..Math.Max(1, line.LastIndexOf('.'))], "DirectContact",
                null, day, 1 + random.Next(60), [], 0, false, null);
        })];

    /// <summary>Each activity's stream (one <see cref="LoggedActivityReceived"/>) and its snapshot, in bulk, for one tenant.</summary>
    private static async Task AppendAsync(DocumentStore store, string tenant, List<LoggedActivity> activities)
    {
        foreach (var chunk in activities.Chunk(20_000))
        {
            var headers = chunk.Select(a => new BulkEventStreamHeader { Id = a.Id, Version = 1, AggregateType = typeof(LoggedActivity) }).ToList();
            await store.BulkInsertEventStreamAsync(tenant, headers, EventsOf(chunk, tenant), 5_000);
            await store.BulkInsertDocumentsAsync(tenant, chunk, BulkInsertMode.InsertsOnly, 5_000);
        }
    }

    private static async IAsyncEnumerable<IEvent> EventsOf(LoggedActivity[] chunk, string tenant)
    {
        await Task.CompletedTask;
        foreach (var a in chunk)
        {
            var received = new LoggedActivityReceived(a.Id, a.District, a.DistrictPlanId, a.PlanLineCode, a.AudienceCode, a.FormKind,
                a.CommuneId, a.OccurredOn, a.PeopleReached, a.PartnerIds, Guid.CreateVersion7());
            yield return new Event<LoggedActivityReceived>(received)
            {
                Id = Guid.CreateVersion7(), StreamId = a.Id, Version = 1, TenantId = tenant, Timestamp = DateTimeOffset.UtcNow,
            };
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A statement's time alone (best of three, after one warm-up), straight on PostgreSQL: the read progress did before
    /// the tallies (<paramref name="fresh"/>: the units' year up to the day counted from their activities) or the tally
    /// read it does now (<see cref="Planning.Schedule.ProgressReader.TalliesSql"/>), for the same units and day.
    /// </summary>
    private static async Task<double> StatementMsAsync(string connectionString, IDocumentStore store, bool fresh, string[] units)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = fresh
            ? """
              select count(*) from (
                  select d.data ->> 'district', d.data ->> 'planLineCode', extract(month from d.occurred_on), count(*), sum(CAST(d.data ->> 'peopleReached' as bigint))
                  from planning.mt_doc_loggedactivity as d
                  where d.tenant_id = any($1) and d.occurred_on between $2 and $3 and not CAST(d.data ->> 'voided' as boolean)
                  group by 1, 2, 3) as t
              """
            : "select count(*) from (" + Planning.Schedule.ProgressReader.TalliesSql(store.Options)
                .Replace(":tenants", "$1", StringComparison.Ordinal).Replace(":first", "$2", StringComparison.Ordinal)
                .Replace(":last", "$3", StringComparison.Ordinal) + ") as t";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(units);
        command.Parameters.AddWithValue(new DateOnly(2026, 1, 1));
        command.Parameters.AddWithValue(new DateOnly(2026, 11, 15));
        await command.ExecuteScalarAsync();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await command.ExecuteScalarAsync();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return best;
    }
}
