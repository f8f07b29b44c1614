using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using BhxhPlatform.Benchmarks;
using BhxhPlatform.DevTokens;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Npgsql;

// dotnet run -c Release --project benchmarks/LoadRunner -- [seconds per figure] [report path]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var reportPath = args.Length > 1 ? args[1] : Path.Combine("benchmarks", "results.md");
var duration = TimeSpan.FromSeconds(seconds);
var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
var token = TokenMinter.Mint(key, "bench", "province-admin", "dong-nai");
const string district = "bien-hoa";

Console.WriteLine($"Starting a throwaway PostgreSQL and the services ({seconds} s per figure)...");
await using var postgres = await ThrowawayPostgres.StartAsync();
await using var outreach = await ServiceProcess.StartAsync("outreach", postgres.ConnectionString, key);
await using var planning = await ServiceProcess.StartAsync("planning", postgres.ConnectionString, key);
await using var dataSource = new NpgsqlDataSourceBuilder(postgres.ConnectionString + ";Maximum Pool Size=64").Build();
await using (var create = dataSource.CreateCommand(
    "create table raw_insert (id uuid primary key, tenant_id text not null, data jsonb not null, created timestamptz not null default now())"))
{
    await create.ExecuteNonQueryAsync();
}

// Warm up: the first requests pay for JIT and Wolverine's code generation of each handler.
using (var warm = outreach.Client())
{
    warm.DefaultRequestHeaders.Authorization = new("Bearer", token);
    for (var i = 0; i < 200; i++)
    {
        using var response = await warm.PostAsJsonAsync($"/api/units/{district}/activities", Activity(Guid.CreateVersion7()));
        response.EnsureSuccessStatusCode();
    }
}

var sample = Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Activity(Guid.CreateVersion7())));
var results = new List<(Measurement Raw, Measurement Service)>();
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

    var http = new HttpClient[clients];
    for (var i = 0; i < clients; i++)
    {
        http[i] = outreach.Client();
        http[i].DefaultRequestHeaders.Authorization = new("Bearer", token);
    }

    var service = await Measurement.RunAsync("POST activity (validate, append, inline projection, outbox)", clients, duration, async (client, _) =>
    {
        using var response = await http[client].PostAsJsonAsync($"/api/units/{district}/activities", Activity(Guid.CreateVersion7()));
        return response.IsSuccessStatusCode;
    });
    results.Add((raw, service));
    Console.WriteLine($"{clients,2} clients: raw {raw.PerSecond:F0}/s, service {service.PerSecond:F0}/s ({100 * service.PerSecond / raw.PerSecond:F0}%), p99 {service.P99Ms:F1} ms");
}

var report = new StringBuilder()
    .AppendLine("# Benchmark report")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; {seconds} s per figure; service, load client and PostgreSQL on the same machine, side by side in one run.")
    .AppendLine()
    .AppendLine("| figure | clients | raw Npgsql insert /s | service command /s | ratio | service p50 ms | service p99 ms | failures |")
    .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var (raw, service) in results)
{
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| single-event command | {raw.Clients} | {raw.PerSecond:F0} | {service.PerSecond:F0} | {100 * service.PerSecond / raw.PerSecond:F0}% | {service.P50Ms:F1} | {service.P99Ms:F1} | {service.Failures} |");
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
await File.WriteAllTextAsync(reportPath, report.ToString());
Console.WriteLine($"Report written to {reportPath}");
return 0;

static object Activity(Guid plan) => new
{
    districtPlanId = plan,
    planLineCode = "3.1.01",
    audienceCode = "3.1",
    form = "DirectContact",
    communeId = "bien-hoa.trang-dai",
    startedAt = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(7)),
    endedAt = new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.FromHours(7)),
    peopleReached = 12,
    summary = "Tư vấn trực tiếp cho hộ nông dân sau mùa thu hoạch",
    teamMembers = new[] { "Nguyễn Văn An", "Trần Thị Bình" },
};
