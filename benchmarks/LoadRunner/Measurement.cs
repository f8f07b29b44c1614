using System.Diagnostics;

namespace BhxhPlatform.Benchmarks;

/// <summary>Operations completed in a timed window, with their latencies.</summary>
public sealed record Measurement(string Name, int Clients, long Operations, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    /// <summary>
    /// Runs <paramref name="operation"/> from <paramref name="clients"/> concurrent loops for
    /// <paramref name="duration"/>; the loops stop by themselves when the time is up.
    /// </summary>
    public static async Task<Measurement> RunAsync(string name, int clients, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        var latencies = new List<double>[clients];
        var failures = new long[clients];
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = latencies[client] = new List<double>(100_000);
            long i = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(client, i++);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    failures[client]++;
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(name, clients, all.Length - failures.Sum(), failures.Sum(), elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
