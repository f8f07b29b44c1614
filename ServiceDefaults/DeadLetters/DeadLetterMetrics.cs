using System.Diagnostics.Metrics;

namespace BhxhPlatform.ServiceDefaults.DeadLetters;

/// <summary>
/// The platform's dead-letter metrics, on the <see cref="Telemetry.PlatformMeterName"/> meter, each
/// tagged with the service:
/// <list type="bullet">
/// <item><c>bhxh.dead_letters</c> (gauge): what waits in the service's dead-letter stores now, tagged
/// <c>store</c> = <c>messages</c> (Wolverine's <c>wolverine_dead_letters</c>) or <c>events</c> (Marten's
/// dead-letter events, also tagged <c>projection</c>). Above zero means someone has to look.</item>
/// </list>
/// Wolverine itself counts the messages it dead-letters as <c>wolverine-dead-letter-queue</c> on the
/// meter <c>Wolverine:{service}</c>.
/// </summary>
public sealed class DeadLetterMetrics
{
    public const string DeadLetters = "bhxh.dead_letters";

    private readonly string _service;
    private volatile Snapshot _snapshot = new(0, new Dictionary<string, long>());

    public DeadLetterMetrics(IMeterFactory meters, string service)
    {
        _service = service;
        var meter = meters.Create(Telemetry.PlatformMeterName);
        meter.CreateObservableGauge(DeadLetters, Observe, "{item}",
            "Messages and events waiting in the service's dead-letter stores");
    }

    /// <summary>The counts of the last look at the stores (refreshed by <see cref="DeadLetterWatch"/>).</summary>
    public long Messages => _snapshot.Messages;

    public IReadOnlyDictionary<string, long> EventsByProjection => _snapshot.EventsByProjection;

    public void Refresh(long messages, IReadOnlyDictionary<string, long> eventsByProjection) =>
        _snapshot = new Snapshot(messages, eventsByProjection);

    private IEnumerable<Measurement<long>> Observe()
    {
        var snapshot = _snapshot;
        yield return new Measurement<long>(snapshot.Messages,
            new KeyValuePair<string, object?>("service", _service), new KeyValuePair<string, object?>("store", "messages"));
        foreach (var (projection, count) in snapshot.EventsByProjection)
        {
            yield return new Measurement<long>(count,
                new KeyValuePair<string, object?>("service", _service), new KeyValuePair<string, object?>("store", "events"),
                new KeyValuePair<string, object?>("projection", projection));
        }
    }

    private sealed record Snapshot(long Messages, IReadOnlyDictionary<string, long> EventsByProjection);
}
