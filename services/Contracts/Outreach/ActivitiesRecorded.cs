namespace BhxhPlatform.Contracts.Outreach;

/// <summary>
/// Outreach → Planning, Partners: several communication activities were logged together (one
/// batch, one transaction); one message for the whole batch instead of one per activity. Each
/// item is exactly what <see cref="ActivityRecorded"/> would carry for that activity, so a
/// receiver treats each as it treats an <see cref="ActivityRecorded"/> and deduplicates by its
/// <see cref="ActivityRecorded.ActivityId"/>. The tenant (district) travels on the envelope and is
/// the same for every item. Carries no personal data.
/// </summary>
/// <param name="Activities">The activities logged, in the order they were sent (at most 200).</param>
[ConsumedBy(ServiceNames.Planning, ServiceNames.Partners)]
public sealed record ActivitiesRecorded(IReadOnlyList<ActivityRecorded> Activities);
