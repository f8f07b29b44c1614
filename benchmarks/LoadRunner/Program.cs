using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Benchmarks;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Npgsql;
using NpgsqlTypes;

// dotnet run -c Release --project benchmarks/LoadRunner -- [seconds per figure] [report path] [events to rebuild]
// dotnet run -c Release --project benchmarks/LoadRunner -- scale [seconds per figure] [report path] [sizes]: reads against history (Scale.cs)
if (args.Length > 0 && args[0] == "scale")
{
    return await Scale.RunAsync(args[1..]);
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var reportPath = args.Length > 1 ? args[1] : Path.Combine("benchmarks", "results.md");
var rebuildEvents = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var duration = TimeSpan.FromSeconds(seconds);
var token = TestTokens.Mint("bench", ["province-admin"], "dong-nai", expires: DateTime.UtcNow.AddHours(6));
const string district = "bien-hoa";
const string readDistrict = "long-thanh";
const int batchSize = 100;
var log = new Action<string>(Console.WriteLine);

log($"Starting a throwaway PostgreSQL and the services ({seconds} s per figure)...");
await using var postgres = await ThrowawayPostgres.StartAsync();
await using var outreach = await ServiceProcess.StartAsync("outreach", postgres.ConnectionString);
// The raw baseline prepares its statements too, exactly as the services do (CritterStackExtensions).
var rawBuilder = new NpgsqlDataSourceBuilder(postgres.ConnectionString + ";Maximum Pool Size=64");
BhxhPlatform.ServiceDefaults.CritterStackExtensions.ApplyStatementPreparation(rawBuilder.ConnectionStringBuilder);
await using var dataSource = rawBuilder.Build();
await using (var create = dataSource.CreateCommand(
    "create table raw_insert (id uuid primary key, tenant_id text not null, data jsonb not null, created timestamptz not null default now())"))
{
    await create.ExecuteNonQueryAsync();
}

HttpClient Client(ServiceProcess service)
{
    var client = service.Client();
    client.DefaultRequestHeaders.Authorization = new("Bearer", token);
    return client;
}

// Outreach logs activities only against plans it has heard approved: Planning approves one per unit and
// announces it, then stops, so it does not compete for the two cores during the throughput figures.
await using (var approving = await ServiceProcess.StartAsync("planning", postgres.ConnectionString))
{
    using var planningClient = Client(approving);
    using var outreachClient = Client(outreach);
    foreach (var unit in new[] { district, readDistrict })
    {
        Samples.Plans[unit] = await ApprovedPlans.GivenApprovedPlanAsync(planningClient, outreachClient, unit);
    }
}

async Task<Guid> LogAsync(HttpClient client, string unit)
{
    using var response = await client.PostAsJsonAsync($"/api/units/{unit}/activities", Samples.Activity(unit));
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
}

// Warm up: the first requests pay for JIT and Wolverine's code generation of each handler, and the runtime
// recompiles hot methods (tiered compilation) only after they have run for a while. 200 requests in a row were
// not enough: the first figure measured (one client, new activities) sometimes came out below the corrections.
// So: 4 clients for 15 s of new activities, corrections and batches, then a pause for the background compiler.
var warmUntil = DateTime.UtcNow + TimeSpan.FromSeconds(15);
await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
{
    using var warm = Client(outreach);
    for (var i = 0; DateTime.UtcNow < warmUntil; i++)
    {
        var id = await LogAsync(warm, district);
        using var corrected = await warm.PostAsJsonAsync($"/api/units/{district}/activities/{id}/corrections", Samples.Correction(1, district));
        corrected.EnsureSuccessStatusCode();
        if (i % 20 == 0)
        {
            using var batch = await warm.PostAsJsonAsync($"/api/units/{district}/activities/batch", Samples.Batch(batchSize, district));
            batch.EnsureSuccessStatusCode();
        }
    }
}));
await Task.Delay(TimeSpan.FromSeconds(3));

var sample = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Samples.Activity(district)));

// The CRUD peer (issue 24): the same command as a plain ASP.NET Core endpoint, a row and a trigger-written audit row.
await using var peer = await PeerProcess.StartAsync(postgres.ConnectionString);

// 1. Single-event commands against raw single-row inserts and the CRUD peer, side by side at the same concurrency.
var single = new List<(Measurement Raw, Measurement Service)>();
var peers = new List<(Measurement Peer, Measurement Service)>();
foreach (var clients in new[] { 1, 16 })
{
    var raw = await Measurement.RunAsync("raw Npgsql single-row insert", clients, duration, async (_, _) =>
    {
        await using var insert = dataSource.CreateCommand("insert into raw_insert (id, tenant_id, data) values ($1, $2, $3::jsonb)");
        insert.Parameters.AddWithValue(Guid.CreateVersion7());
        insert.Parameters.AddWithValue(district);
        insert.Parameters.AddWithValue(sample);
        await insert.ExecuteNonQueryAsync();
        return true;
    });

    var peerHttp = Enumerable.Range(0, clients).Select(_ => peer.Client()).ToArray();
    var crud = await Measurement.RunAsync("CRUD peer: POST activity (validate, insert row, audit row by trigger)", clients, duration, async (client, _) =>
    {
        using var response = await peerHttp[client].PostAsJsonAsync($"/api/units/{district}/activities", Samples.Activity(district));
        return response.IsSuccessStatusCode;
    });
    foreach (var client in peerHttp)
    {
        client.Dispose();
    }

    var http = Enumerable.Range(0, clients).Select(_ => Client(outreach)).ToArray();
    var logged = await Measurement.RunAsync("POST activity: new stream (validate, append, inline snapshot, 2 queue rows)", clients, duration, async (client, _) =>
    {
        using var response = await http[client].PostAsJsonAsync($"/api/units/{district}/activities", Samples.Activity(district));
        return response.IsSuccessStatusCode;
    });

    // One stream per client, corrected again and again with the expected version: each command loads the aggregate.
    var streams = new Guid[clients];
    var versions = new long[clients];
    for (var i = 0; i < clients; i++)
    {
        streams[i] = await LogAsync(http[i], district);
        versions[i] = 1;
    }

    var corrected = await Measurement.RunAsync("POST correction: load aggregate, expected version, append, inline snapshot, 2 queue rows", clients, duration, async (client, _) =>
    {
        using var response = await http[client].PostAsJsonAsync(
            $"/api/units/{district}/activities/{streams[client]}/corrections", Samples.Correction(versions[client], district));
        if (response.IsSuccessStatusCode)
        {
            versions[client]++;
        }

        return response.IsSuccessStatusCode;
    });
    single.Add((raw, crud));
    single.Add((raw, logged));
    single.Add((raw, corrected));
    peers.Add((crud, logged));
    log($"{clients,2} clients: CRUD peer {crud.PerSecond:F0}/s ({100 * crud.PerSecond / raw.PerSecond:F0}% of raw; the event-sourced command is {100 * logged.PerSecond / crud.PerSecond:F0}% of it)");
    log($"{clients,2} clients: raw {raw.PerSecond:F0}/s, log {logged.PerSecond:F0}/s ({100 * logged.PerSecond / raw.PerSecond:F0}%), correct {corrected.PerSecond:F0}/s ({100 * corrected.PerSecond / raw.PerSecond:F0}%)");
    foreach (var client in http)
    {
        client.Dispose();
    }
}

// 2. Batched ingest: 100 activities per request against one 100-row multi-row INSERT per round trip.
var batched = new List<(Measurement Raw, Measurement Service)>();
foreach (var clients in new[] { 1, 16 })
{
    var raw = await Measurement.RunAsync($"raw Npgsql {batchSize}-row INSERT ... SELECT unnest(...)", clients, duration, async (_, _) =>
    {
        await using var insert = dataSource.CreateCommand(
            "insert into raw_insert (id, tenant_id, data) select id, $2, data::jsonb from unnest($1::uuid[], $3::text[]) as t(id, data)");
        insert.Parameters.AddWithValue(Enumerable.Range(0, batchSize).Select(_ => Guid.CreateVersion7()).ToArray());
        insert.Parameters.AddWithValue(district);
        insert.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Repeat(sample, batchSize).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync();
        return true;
    });

    var http = Enumerable.Range(0, clients).Select(_ => Client(outreach)).ToArray();
    var service = await Measurement.RunAsync($"POST activities/batch of {batchSize} (one transaction: {batchSize} streams, one message, 2 queue rows)", clients, duration, async (client, _) =>
    {
        using var response = await http[client].PostAsJsonAsync($"/api/units/{district}/activities/batch", Samples.Batch(batchSize, district));
        return response.IsSuccessStatusCode;
    });
    batched.Add((raw, service));
    log($"{clients,2} clients: raw batched {batchSize * raw.PerSecond:F0} rows/s, batch endpoint {batchSize * service.PerSecond:F0} activities/s ({100 * service.PerSecond / raw.PerSecond:F0}%)");
    foreach (var client in http)
    {
        client.Dispose();
    }
}

// Planning starts only now: during the throughput figures above its queue fills (Outreach writes into it in each
// command's transaction) but it does not compete with Outreach for the two cores. It then catches up before the latency figures.
log("Starting Planning...");
await using var planning = await ServiceProcess.StartAsync("planning", postgres.ConnectionString);

// Planning receives every activity through the PostgreSQL queue: let it catch up before measuring latency.
async Task<(long Logged, long Received)> CountsAsync()
{
    await using var count = dataSource.CreateCommand(
        "select (select count(*) from outreach.mt_events where type = 'activity_logged'), (select count(*) from planning.mt_doc_loggedactivity)");
    await using var reader = await count.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1));
}

async Task<TimeSpan> DrainAsync()
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromMinutes(15))
    {
        var (logged, received) = await CountsAsync();
        if (received >= logged)
        {
            return clock.Elapsed;
        }

        await Task.Delay(1000);
    }

    throw new TimeoutException("Planning did not catch up with Outreach within 15 minutes.");
}

var backlog = await CountsAsync();
log($"Planning backlog: {backlog.Logged - backlog.Received:N0} activities; waiting for it to drain...");
var drained = await DrainAsync();
log($"  drained in {drained.TotalSeconds:F0} s");

// 3. Cross-service latency: Outreach's event timestamp against Planning's document timestamp (same server clock).
async Task<double[]> LatenciesAsync(IReadOnlyCollection<Guid> ids)
{
    await DrainAsync();
    await using var query = dataSource.CreateCommand("""
        select extract(epoch from (d.mt_last_modified - e.timestamp)) * 1000
        from outreach.mt_events e join planning.mt_doc_loggedactivity d on d.id = e.stream_id
        where e.type = 'activity_logged' and e.stream_id = any($1)
        order by 1
        """);
    query.Parameters.AddWithValue(ids.ToArray());
    var result = new List<double>();
    await using var reader = await query.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        result.Add(Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture));
    }

    return [.. result];
}

const int steadyRate = 20;
const int burstSize = 500;
var steadyIds = new System.Collections.Concurrent.ConcurrentBag<Guid>();
using (var steadyClient = Client(outreach))
{
    var pending = new List<Task>();
    var clock = Stopwatch.StartNew();
    for (var i = 0; clock.Elapsed < duration; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / steadyRate);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }

        pending.Add(Task.Run(async () => steadyIds.Add(await LogAsync(steadyClient, district))));
    }

    await Task.WhenAll(pending);
}

var steady = await LatenciesAsync(steadyIds);
var burstIds = new System.Collections.Concurrent.ConcurrentBag<Guid>();
using (var burstClient = Client(outreach))
{
    await Task.WhenAll(Enumerable.Range(0, burstSize).Select(_ => Task.Run(async () => burstIds.Add(await LogAsync(burstClient, district)))));
}

var burst = await LatenciesAsync(burstIds);
log($"Cross-service latency: steady p50 {Measurement.Percentile(steady, 0.5):F0} ms p99 {Measurement.Percentile(steady, 0.99):F0} ms; burst p50 {Measurement.Percentile(burst, 0.5):F0} ms p99 {Measurement.Percentile(burst, 0.99):F0} ms");

// 5. Reads under 16 concurrent clients, on a district holding a realistic amount of activities.
const int readActivities = 300;
var readIds = new List<Guid>();
using (var seed = Client(outreach))
{
    for (var i = 0; i < readActivities / batchSize; i++)
    {
        using var response = await seed.PostAsJsonAsync($"/api/units/{readDistrict}/activities/batch", Samples.Batch(batchSize, readDistrict));
        response.EnsureSuccessStatusCode();
        readIds.AddRange((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(e => e.GetGuid()));
    }
}

await DrainAsync();
var reads = new List<Measurement>();
foreach (var (name, service, url) in new (string, ServiceProcess, Func<long, string>)[]
{
    ($"GET activity log, first page of 50 ({readActivities} activities, one month of one plan)", outreach,
        _ => $"/api/units/{readDistrict}/activities?districtPlanId={Samples.Plans[readDistrict]}&from=2026-11-01&to=2026-11-30"),
    ("GET activity by id", outreach, i => $"/api/units/{readDistrict}/activities/{readIds[(int)(i % readIds.Count)]}"),
    ($"GET Planning progress by line ({readActivities} activities)", planning, _ => $"/api/units/{readDistrict}/progress/lines"),
    ($"GET Planning progress report of the year ({readActivities} activities, 43 plan lines)", planning,
        _ => $"/api/units/{readDistrict}/progress/years/2026?asOf=2026-11-30"),
})
{
    var http = Enumerable.Range(0, 16).Select(_ => Client(service)).ToArray();
    var measured = await Measurement.RunAsync(name, 16, duration, async (client, i) =>
    {
        using var response = await http[client].GetAsync(new Uri(url(i), UriKind.Relative));
        await response.Content.CopyToAsync(Stream.Null);
        return response.IsSuccessStatusCode;
    });
    reads.Add(measured);
    log($"{name}: {measured.PerSecond:F0}/s p50 {measured.P50Ms:F1} ms p99 {measured.P99Ms:F1} ms");
    foreach (var client in http)
    {
        client.Dispose();
    }
}

// The progress read of the loaded district, once: it reads every logged activity of the unit.
var (loadedActivities, _) = await CountsAsync();
double loadedProgressMs;
using (var once = Client(planning))
{
    var started = Stopwatch.GetTimestamp();
    using var response = await once.GetAsync(new Uri($"/api/units/{district}/progress/lines", UriKind.Relative));
    response.EnsureSuccessStatusCode();
    await response.Content.CopyToAsync(Stream.Null);
    loadedProgressMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

// 4. Rebuild, last, with the services idle.
log($"Generating {rebuildEvents:N0} events over {Rebuild.Districts.Length} districts, then rebuilding...");
var rebuild = await Rebuild.RunAsync(postgres.ConnectionString, rebuildEvents, log);
log($"Generated at {rebuild.GeneratedPerSecond:F0}/s; rebuilt at {rebuild.RebuiltPerSecond:F0} events/s ({rebuild.Counted:N0} counted over {rebuild.Districts} districts)");

var report = Report.Write(new ReportData(
    seconds, rebuildEvents, batchSize, single, batched, drained, backlog.Logged - backlog.Received,
    steadyRate, steady, burstSize, burst, reads, loadedActivities, loadedProgressMs, rebuild, peers));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
await File.WriteAllTextAsync(reportPath, report);
log($"Report written to {reportPath}");
return 0;
