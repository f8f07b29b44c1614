namespace BhxhPlatform.ServiceDefaults;

/// <summary>Names of the activity sources and meters the platform exports.</summary>
public static class Telemetry
{
    /// <summary>Marten and Wolverine publish their traces under these sources.</summary>
    public static readonly string[] ActivitySourceNames = ["Wolverine", "Marten"];

    /// <summary>
    /// Marten and Wolverine meters, plus the platform's own. Wolverine names its meter after the
    /// service (<c>Wolverine:planning</c>), hence the wildcard.
    /// </summary>
    public static readonly string[] MeterNames = ["Wolverine", "Wolverine:*", "Marten", PlatformMeterName];

    public const string PlatformMeterName = "BhxhPlatform";
}
