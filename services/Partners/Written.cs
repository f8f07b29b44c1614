namespace BhxhPlatform.Partners;

/// <summary>The answer to a change of an existing stream: its id and the version to send with the next change.</summary>
public sealed record Written(Guid Id, int Version);
