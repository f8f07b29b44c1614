namespace BhxhPlatform.Portal.Components.Shared;

/// <summary>A form that only confirms a change: the version of the record the person saw (a 409 when someone changed it since).</summary>
public sealed class VersionInput
{
    public long Version { get; set; }
}

/// <summary>A form that confirms a change for a reason (void, cancel, withdraw): the version seen and the reason typed.</summary>
public sealed class ReasonInput
{
    public long Version { get; set; }

    public string? Reason { get; set; }
}
