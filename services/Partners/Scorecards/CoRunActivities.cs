using BhxhPlatform.Contracts.Outreach;
using Marten;
using Wolverine;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>An activity Outreach logged that a partner co-ran; keyed by activity and partner.</summary>
public sealed record CoRunActivity(string Id, Guid ActivityId, Guid PartnerId, string PlanLineCode, DateOnly OccurredOn, int PeopleReached)
{
    /// <summary>The rows of one activity as it stands: one per partner present, each counting the people it reached.</summary>
    public static IEnumerable<CoRunActivity> Of(Guid activityId, IReadOnlyList<Guid> partnerIds, string planLineCode, DateOnly occurredOn, int peopleReached) =>
        partnerIds.Distinct().Select(partnerId =>
            new CoRunActivity($"{activityId:N}:{partnerId:N}", activityId, partnerId, planLineCode, occurredOn, Math.Max(0, peopleReached)));

    /// <summary>
    /// The rows the ledger stream of one activity gives, folded as the handlers write them: the
    /// figures of its first event or of its latest correction, none once it was voided.
    /// </summary>
    public static IReadOnlyList<CoRunActivity> FromLedger(Guid activityId, IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        IReadOnlyList<CoRunActivity> rows = [];
        foreach (var e in events)
        {
            rows = e switch
            {
                ActivityHeard h => [.. Of(activityId, h.PartnerIds, h.PlanLineCode, h.OccurredOn, h.PeopleReached)],
                ActivityCorrectionHeard c => [.. Of(activityId, c.PartnerIds, c.PlanLineCode, c.OccurredOn, c.PeopleReached)],
                ActivityVoidHeard => [],
                _ => rows,
            };
        }

        return rows;
    }
}

/// <summary>Outreach told Partners an activity was logged (the first event of the activity's stream in Partners' store).</summary>
/// <param name="MessageId">The envelope that brought it.</param>
public sealed record ActivityHeard(Guid ActivityId, IReadOnlyList<Guid> PartnerIds, string PlanLineCode, DateOnly OccurredOn, int PeopleReached, Guid MessageId);

/// <summary>Outreach told Partners an activity was corrected: its partners and figures as they now stand.</summary>
/// <param name="Revision">The activity's version in Outreach after the correction (0: the sender did not say, or an event written before the field).</param>
public sealed record ActivityCorrectionHeard(Guid ActivityId, IReadOnlyList<Guid> PartnerIds, string PlanLineCode, DateOnly OccurredOn, int PeopleReached, Guid MessageId, long Revision = 0);

/// <summary>Outreach told Partners an activity was voided: it no longer counts for any partner.</summary>
public sealed record ActivityVoidHeard(Guid ActivityId, string Reason, Guid MessageId);

/// <summary>
/// What Partners has heard of an activity, so repeats and late arrivals change nothing: an
/// aggregate of the messages it received about it (one stream per activity id, inline snapshot),
/// so they are on the audit timeline under the sender's correlation id and the rebuild check
/// replays them. <see cref="Revision"/> is the activity's version in Outreach that the figures are of
/// (1 as logged), so a correction that arrives after a newer one changes nothing.
/// </summary>
public sealed record ActivityLedger(Guid Id, bool Corrected, bool Voided, long Revision = 1)
{
    public static ActivityLedger Create(ActivityHeard e) => new(e.ActivityId, Corrected: false, Voided: false);

    /// <summary>A correction that came before the activity itself.</summary>
    public static ActivityLedger Create(ActivityCorrectionHeard e) => new(e.ActivityId, Corrected: true, Voided: false, e.Revision != 0 ? e.Revision : 2);

    /// <summary>A void that came before the activity itself: the late activity never counts.</summary>
    public static ActivityLedger Create(ActivityVoidHeard e) => new(e.ActivityId, Corrected: false, Voided: true);

    public ActivityLedger Apply(ActivityCorrectionHeard e) => this with { Corrected = true, Revision = e.Revision != 0 ? e.Revision : Revision + 1 };

    /// <summary>Whether a correction of <paramref name="revision"/> is older than (or the same as) what the ledger holds; 0 (unknown) never is.</summary>
    public bool Holds(long revision) => revision != 0 && revision <= Revision;

    public ActivityLedger Apply(ActivityVoidHeard e) => this with { Voided = true };
}

/// <summary>
/// Keeps the co-run activities of each partner in step with Outreach: a record adds them once, a
/// correction replaces the activity's partner list, a void removes it for good.
/// </summary>
public static class CoRunActivityHandler
{
    public static async Task Handle(ActivityRecorded message, Envelope envelope, IDocumentSession session, CancellationToken cancellation) =>
        Receive(session, message, await session.LoadAsync<ActivityLedger>(message.ActivityId, cancellation), envelope.Id);

    /// <summary>
    /// A batch from Outreach in one transaction: the ledger entries of all its activities are loaded
    /// in one query, then each activity is received as an <see cref="ActivityRecorded"/> would be.
    /// </summary>
    public static async Task Handle(ActivitiesRecorded message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        var activities = message.Activities.DistinctBy(a => a.ActivityId).ToList();
        var heard = (await session.LoadManyAsync<ActivityLedger>(cancellation, activities.Select(a => a.ActivityId))).ToDictionary(l => l.Id);
        foreach (var activity in activities)
        {
            Receive(session, activity, heard.GetValueOrDefault(activity.ActivityId), envelope.Id);
        }
    }

    public static async Task Handle(ActivityCorrected message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        // FetchForWriting: a second message about the activity stored meanwhile makes this a concurrency
        // failure (retried by RetryConcurrentDocumentWrites), never a lost update.
        var stream = await session.Events.FetchForWriting<ActivityLedger>(message.ActivityId, cancellation);
        if (stream.Aggregate is { Voided: true } || stream.Aggregate?.Holds(message.Revision) == true)
        {
            return;
        }

        stream.AppendOne(new ActivityCorrectionHeard(
            message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached, envelope.Id, message.Revision));
        Replace(session, message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached);
    }

    public static async Task Handle(ActivityVoided message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        var stream = await session.Events.FetchForWriting<ActivityLedger>(message.ActivityId, cancellation);
        if (stream.Aggregate is { Voided: true })
        {
            return;
        }

        stream.AppendOne(new ActivityVoidHeard(message.ActivityId, message.Reason, envelope.Id));
        session.DeleteWhere<CoRunActivity>(a => a.ActivityId == message.ActivityId);
    }

    /// <summary>An activity already in the ledger (recorded, corrected or voided) is left as it is.</summary>
    private static void Receive(IDocumentSession session, ActivityRecorded message, ActivityLedger? heard, Guid messageId)
    {
        if (heard is not null)
        {
            return;
        }

        // Nothing to replace: co-run rows are only ever written together with the activity's ledger stream.
        // Starting the stream, not appending: a copy another message started meanwhile fails this transaction
        // (retried by RetryConcurrentDocumentWrites, then seen as heard).
        session.Events.StartStream<ActivityLedger>(message.ActivityId, new ActivityHeard(
            message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached, messageId));
        Add(session, message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached);
    }

    private static void Replace(IDocumentSession session, Guid activityId, IReadOnlyList<Guid> partnerIds, string planLineCode, DateOnly occurredOn, int peopleReached)
    {
        session.DeleteWhere<CoRunActivity>(a => a.ActivityId == activityId);
        Add(session, activityId, partnerIds, planLineCode, occurredOn, peopleReached);
    }

    private static void Add(IDocumentSession session, Guid activityId, IReadOnlyList<Guid> partnerIds, string planLineCode, DateOnly occurredOn, int peopleReached)
    {
        foreach (var row in CoRunActivity.Of(activityId, partnerIds, planLineCode, occurredOn, peopleReached))
        {
            session.Store(row);
        }
    }
}
