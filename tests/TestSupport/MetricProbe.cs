using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BhxhPlatform.ServiceDefaults;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// Listens to the platform's meter in this process: counters add up, gauges keep their last reading
/// (each <see cref="EventuallyAsync"/> round asks the observable instruments again).
/// </summary>
public sealed class MetricProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counters = new();
    private readonly ConcurrentDictionary<string, long> _gauges = new();

    public MetricProbe(string meter = Telemetry.PlatformMeterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = Key(instrument.Name, tags.ToArray());
            if (instrument is ObservableGauge<long>)
            {
                _gauges[key] = value;
            }
            else
            {
                _counters.AddOrUpdate(key, value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The sum of a counter over the measurements whose tags include <paramref name="tags"/>.</summary>
    public long Counter(string name, params (string Key, string Value)[] tags) =>
        _counters.Where(x => Matches(x.Key, name, tags)).Sum(x => x.Value);

    /// <summary>The last reading of a gauge with these tags (among others), or -1 if none was seen.</summary>
    public long Gauge(string name, params (string Key, string Value)[] tags) =>
        _gauges.Where(x => Matches(x.Key, name, tags)).Select(x => x.Value).DefaultIfEmpty(-1).Sum();

    /// <summary>Reads the gauges until <paramref name="done"/> holds, at most 30 s.</summary>
    public async Task<bool> EventuallyAsync(Func<MetricProbe, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            _listener.RecordObservableInstruments();
            if (done(this))
            {
                return true;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                return false;
            }

            await Task.Delay(200);
        }
    }

    public override string ToString() =>
        string.Join('\n', _counters.Select(x => $"counter {x.Key} = {x.Value}").Concat(_gauges.Select(x => $"gauge {x.Key} = {x.Value}")));

    public void Dispose() => _listener.Dispose();

    private static string Key(string name, KeyValuePair<string, object?>[] tags) =>
        name + "{" + string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + "}";

    private static bool Matches(string key, string name, (string Key, string Value)[] tags) =>
        key.StartsWith(name + "{", StringComparison.Ordinal) && tags.All(t => key.Contains($"{t.Key}={t.Value}", StringComparison.Ordinal));
}
