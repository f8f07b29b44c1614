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
    public static async Task Handle(ActivityRecorded message, IDocumentSession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ActivityLedger>(message.ActivityId, cancellation) is not null)
        {
            return;
        }

        session.Store(new ActivityLedger(message.ActivityId, Corrected: false, Voided: false));
        Replace(session, message.ActivityId, message.PartnerIds, message.PlanLineCode, message.OccurredOn, message.PeopleReached);
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

    private static void Replace(IDocumentSession session, Guid activityId, IReadOnlyList<Guid> partnerIds, string planLineCode, DateOnly occurredOn, int peopleReached)
    {
        session.DeleteWhere<CoRunActivity>(a => a.ActivityId == activityId);
        foreach (var partnerId in partnerIds.Distinct())
        {
            session.Store(new CoRunActivity($"{activityId:N}:{partnerId:N}", activityId, partnerId, planLineCode, occurredOn, Math.Max(0, peopleReached)));
        }
    }
}
