namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>
/// A recorded head of a unit's running chain: after the event with sequence
/// <see cref="LastSequence"/>, the chain over all the unit's event hashes was
/// <see cref="TenantChainHead"/>. Verification recomputes the chain and compares it with every
/// anchor, so events removed or altered before an anchor are detected even when whole streams
/// (and their rows in <c>mt_streams</c>) were deleted.
/// </summary>
public sealed record AuditAnchor(string Id, long LastSequence, long Events, string TenantChainHead, DateTimeOffset RecordedAt, string RecordedBy);
