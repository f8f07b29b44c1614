using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace BhxhPlatform.ServiceDefaults.PersonalData;

/// <summary>
/// Counts the sealed personal values that could not be opened although their person's key exists
/// (<c>bhxh.personal_data.unreadable</c> on the platform meter, tagged <c>service</c> and <c>reason</c>: <c>tag-mismatch</c>
/// for a value or key altered or sealed with another master key, <c>key-mismatch</c> for a value
/// moved to another person, <c>malformed</c>), and logs each one with the person and field but never
/// the value. Such a value reads as null, like an erased one, so this is where it shows: above zero
/// means data was tampered with or a master key was changed without re-wrapping.
/// </summary>
public sealed partial class UnreadablePersonalData
{
    public const string Instrument = "bhxh.personal_data.unreadable";

    private readonly Counter<long> _counter;
    private readonly ILogger<UnreadablePersonalData> _logger;
    private readonly string _service;

    /// <param name="service">The service's name (<c>outreach</c>, <c>partners</c>), the counter's <c>service</c> tag.</param>
    public UnreadablePersonalData(IMeterFactory meters, ILogger<UnreadablePersonalData> logger, string service = "unknown")
    {
        ArgumentNullException.ThrowIfNull(meters);
        _counter = meters.Create(Telemetry.PlatformMeterName).CreateCounter<long>(Instrument, "{value}",
            "Sealed personal values that failed to open although their key exists");
        _logger = logger;
        _service = service;
    }

    public void Record(Guid personId, string purpose, string reason)
    {
        _counter.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("service", _service));
        Log(_logger, personId, purpose, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sealed personal value of person {PersonId} ({Purpose}) could not be opened: {Reason}")]
    private static partial void Log(ILogger logger, Guid personId, string purpose, string reason);
}
