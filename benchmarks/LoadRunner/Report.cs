using System.Globalization;
using System.Text;

namespace BhxhPlatform.Benchmarks;

public sealed record ReportData(
    int Seconds,
    long RebuildEvents,
    int BatchSize,
    IReadOnlyList<(Measurement Raw, Measurement Service)> SingleEvent,
    IReadOnlyList<(Measurement Raw, Measurement Service)> Batched,
    TimeSpan Drained,
    long Backlog,
    int SteadyRate,
    double[] Steady,
    int BurstSize,
    double[] Burst,
    IReadOnlyList<Measurement> Reads,
    long LoadedActivities,
    double LoadedProgressMs,
    RebuildResult Rebuild,
    IReadOnlyList<(Measurement Peer, Measurement Service)> Peer);

/// <summary>The Markdown report: every figure with its target, measured side by side in one run.</summary>
public static class Report
{
    public static string Write(ReportData d)
    {
        var c = CultureInfo.InvariantCulture;
        var r = new StringBuilder()
            .AppendLine("# Benchmark report")
            .AppendLine()
            .AppendLine(c, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Environment.OSVersion}, .NET {Environment.Version}); {d.Seconds} s per figure.")
            .AppendLine("Service processes (Outreach, Planning), the load client and one throwaway PostgreSQL share the machine, which other engineers were")
            .AppendLine("also using: absolute figures are low and noisy; the ratios, measured side by side in the same run, are what count. Both sides")
            .AppendLine("prepare their statements (Npgsql Max Auto Prepare). Planning is started after the throughput figures: its queue fills during")
            .AppendLine("them (each command writes its messages into it in the same transaction), and it catches up before the latency figures.")
            .AppendLine()
            .AppendLine(c, $"Command: `dotnet run -c Release --project benchmarks/LoadRunner -- {d.Seconds} <report> {d.RebuildEvents}`")
            .AppendLine()
            .AppendLine("## Single-event commands vs raw Npgsql single-row insert (same process, same PostgreSQL, same concurrency)")
            .AppendLine()
            .AppendLine("| command | clients | raw insert /s | command /s | ratio | p50 ms | p99 ms | failures | target |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (raw, service) in d.SingleEvent)
        {
            r.AppendLine(c, $"| {service.Name} | {raw.Clients} | {raw.PerSecond:F0} | {service.PerSecond:F0} | **{Ratio(service, raw)}** | {service.P50Ms:F1} | {service.P99Ms:F1} | {service.Failures} | {(raw.Clients == 16 ? Verdict(service.PerSecond / raw.PerSecond >= 0.30, "≥ 30%") : "")} |");
        }

        r.AppendLine()
            .AppendLine("## The event-sourced command vs the CRUD peer (a plain ASP.NET Core endpoint: validate, insert the row, an audit-log row by trigger)")
            .AppendLine()
            .AppendLine("`benchmarks/CrudPeer`, its own process against the same PostgreSQL, measured in this run between the raw insert and the service.")
            .AppendLine()
            .AppendLine("| clients | CRUD peer /s | peer p99 ms | event-sourced POST activity /s | service p99 ms | service / peer | target |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (peer, service) in d.Peer)
        {
            r.AppendLine(c, $"| {peer.Clients} | {peer.PerSecond:F0} | {peer.P99Ms:F1} | {service.PerSecond:F0} | {service.P99Ms:F1} | **{Ratio(service, peer)}** | {(peer.Clients == 16 ? Verdict(service.PerSecond / peer.PerSecond >= 0.70, "≥ 70%") : "")} |");
        }

        r.AppendLine()
            .AppendLine(c, $"## Batched ingest: {d.BatchSize} activities per request vs one {d.BatchSize}-row multi-row INSERT (`insert ... select from unnest(...)`) per round trip")
            .AppendLine()
            .AppendLine("| clients | raw rows /s | activities /s | ratio | request p50 ms | request p99 ms | failures | target |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (raw, service) in d.Batched)
        {
            r.AppendLine(c, $"| {raw.Clients} | {d.BatchSize * raw.PerSecond:F0} | {d.BatchSize * service.PerSecond:F0} | **{Ratio(service, raw)}** | {service.P50Ms:F1} | {service.P99Ms:F1} | {service.Failures} | {Verdict(service.PerSecond / raw.PerSecond >= 0.15, "≥ 15%")} |");
        }

        r.AppendLine()
            .AppendLine("## Cross-service latency: Outreach `activity_logged` event → Planning `LoggedActivity` document")
            .AppendLine()
            .AppendLine("`outreach.mt_events.timestamp` vs `planning.mt_doc_loggedactivity.mt_last_modified`, joined by activity id. Outreach appends")
            .AppendLine("a new stream in Marten's Quick mode, where the event timestamp is taken in the Outreach process when the unit of work is built")
            .AppendLine("(not by the server); Planning's `mt_last_modified` is the PostgreSQL transaction time. All run on this one machine, on one clock, so")
            .AppendLine("there is no skew, and the figure includes Outreach's own commit. The path is Outreach's transaction (events and the")
            .AppendLine("queue row together) → a NOTIFY sent just after the commit (coalesced) → Planning's durable listener → handler → document.")
            .AppendLine(c, $"Before this, Planning (started after the throughput figures) had a backlog of {d.Backlog:N0} activities; it drained them in {d.Drained.TotalSeconds:F0} s ({d.Backlog / Math.Max(1, d.Drained.TotalSeconds):F0} activities/s; a single command's message is one transaction in Planning, a batch's message one for all its activities).")
            .AppendLine()
            .AppendLine("| load | activities | p50 ms | p99 ms | max ms | target |")
            .AppendLine("| --- | --- | --- | --- | --- | --- |")
            .AppendLine(c, $"| steady {d.SteadyRate}/s for {d.Seconds} s | {d.Steady.Length} | {P(d.Steady, 0.5)} | {P(d.Steady, 0.99)} | {P(d.Steady, 1)} | {Verdict(Measurement.Percentile(d.Steady, 0.99) <= 1000, "p99 ≤ 1 s")} |")
            .AppendLine(c, $"| burst of {d.BurstSize} at once | {d.Burst.Length} | {P(d.Burst, 0.5)} | {P(d.Burst, 0.99)} | {P(d.Burst, 1)} | (no target) |")
            .AppendLine()
            .AppendLine("## Reads under 16 concurrent clients")
            .AppendLine()
            .AppendLine("| read | requests /s | p50 ms | p99 ms | failures | target |")
            .AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var read in d.Reads)
        {
            r.AppendLine(c, $"| {read.Name} | {read.PerSecond:F0} | {read.P50Ms:F1} | {read.P99Ms:F1} | {read.Failures} | {Verdict(read.P99Ms <= 50, "p99 ≤ 50 ms")} |");
        }

        r.AppendLine()
            .AppendLine(c, $"Planning progress by line of the loaded district (`bien-hoa`, {d.LoadedActivities:N0} activities in the whole database), one request alone: {d.LoadedProgressMs:F0} ms —")
            .AppendLine("PostgreSQL counts every logged activity of the unit (grouped in SQL, only the tallies come back), so it still grows linearly with the district's activities.")
            .AppendLine()
            .AppendLine("## Projection rebuild")
            .AppendLine()
            .AppendLine(c, $"{d.Rebuild.Events:N0} Outreach `ActivityLogged` events, one stream each, conjoined tenancy over {Rebuild.Districts.Length} districts, appended through Marten")
            .AppendLine("(Quick append mode, 2,000 streams per session, 4 in parallel) into schema `bench_rebuild` of the same database; then")
            .AppendLine("`BuildProjectionDaemonAsync()` + `RebuildProjectionAsync<DistrictTotalsProjection>()`, an async multi-stream projection")
            .AppendLine("rolling activities and people reached up by district.")
            .AppendLine()
            .AppendLine("| events | generation | generated /s | rebuild | rebuilt events /s | check | target |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |")
            .AppendLine(c, $"| {d.Rebuild.Events:N0} | {d.Rebuild.Generation.TotalSeconds:F0} s | {d.Rebuild.GeneratedPerSecond:F0} | {d.Rebuild.Rebuild.TotalSeconds:F1} s | **{d.Rebuild.RebuiltPerSecond:F0}** | {d.Rebuild.Counted:N0} counted in {d.Rebuild.Districts} districts {(d.Rebuild.Counted == d.Rebuild.Events ? "(all)" : "(MISMATCH)")} | {Verdict(d.Rebuild.RebuiltPerSecond >= 10_000, "≥ 10,000/s")} |");
        return r.ToString();
    }

    private static string Ratio(Measurement service, Measurement raw) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * service.PerSecond / raw.PerSecond:F1}%");

    private static string P(double[] sorted, double p) =>
        Measurement.Percentile(sorted, p).ToString("F0", CultureInfo.InvariantCulture);

    private static string Verdict(bool met, string target) => met ? $"{target}: met" : $"{target}: **not met**";
}
