using BhxhPlatform.Contracts.Outreach;
using Marten;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>An activity Outreach logged that a partner co-ran; keyed by activity and partner.</summary>
public sealed record CoRunActivity(string Id, Guid ActivityId, Guid PartnerId, string PlanLineCode, DateOnly OccurredOn, int PeopleReached);

/// <summary>What Partners has heard of an activity, so repeats and late arrivals change nothing.</summary>
public sealed record ActivityLedger(Guid Id, bool Corrected, bool Voided);

/// <summary>
/// Keeps the co-run activities of each partner in step with Outreach: a record adds them once, a
/// correction replaces the activity's partner list, a void removes it for good.
/// </summary>
public static class CoRunActivityHandler
{
    public static async Task Handle(ActivityRecorded message, IDocumentSession session, CancellationToken cancellation) =>
        Receive(session, message, await session.LoadAsync<ActivityLedger>(message.ActivityId, cancellation));

    /// <summary>
    /// A batch from Outreach in one transaction: the ledger entries of all its activities are loaded
    /// in one query, then each activity is received as an <see cref="ActivityRecorded"/> would be.
    /// </summary>
    public static async Task Handle(ActivitiesRecorded message, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activities = message.Activities.DistinctBy(a => a.ActivityId).ToList();
        var heard = (await session.LoadManyAsync<ActivityLedger>(cancellation, activities.Select(a => a.ActivityId))).ToDictionary(l => l.Id);
        foreach (var activity in activities)
        {
            Receive(session, activity, heard.GetValueOrDefault(activity.ActivityId));
        }
    }

    public static async Task Handle(ActivityCorrected message, IDocumentSession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ActivityLedger>(message.ActivityId, cancellation) is { Voided: true })
        {
            return;
        }

        session.Store(new ActivityLedger(message.ActivityId, Corrected: true, Voided: false));
        Replace(session, message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached);
    }

    public static void Handle(ActivityVoided message, IDocumentSession session)
    {
        session.Store(new ActivityLedger(message.ActivityId, Corrected: false, Voided: true));
        session.DeleteWhere<CoRunActivity>(a => a.ActivityId == message.ActivityId);
    }

    /// <summary>An activity already in the ledger (recorded, corrected or voided) is left as it is.</summary>
    private static void Receive(IDocumentSession session, ActivityRecorded message, ActivityLedger? heard)
    {
        if (heard is not null)
        {
            return;
        }

        // Nothing to replace: co-run rows are only ever written together with the activity's ledger entry.
        session.Store(new ActivityLedger(message.ActivityId, Corrected: false, Voided: false));
        Add(session, message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached);
    }

    private static void Replace(IDocumentSession session, Guid activityId, IReadOnlyList<Guid> partnerIds, string planLineCode, DateOnly occurredOn, int peopleReached)
    {
        session.DeleteWhere<CoRunActivity>(a => a.ActivityId == activityId);
        Add(session, activityId, partnerIds, planLineCode, occurredOn, peopleReached);
    }

    private static void Add(IDocumentSession session, Guid activityId, IReadOnlyList<Guid> partnerIds, string planLineCode, DateOnly occurredOn, int peopleReached)
    {
        foreach (var partnerId in partnerIds.Distinct())
        {
            session.Store(new CoRunActivity($"{activityId:N}:{partnerId:N}", activityId, partnerId, planLineCode, occurredOn, Math.Max(0, peopleReached)));
        }
    }
}
