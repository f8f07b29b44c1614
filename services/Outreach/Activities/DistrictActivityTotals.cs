using BhxhPlatform.Contracts;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Schema;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>What one counted activity adds to its district's totals (kept so a correction or a void can take it back).</summary>
public sealed record CountedActivity(CommunicationForm Form, int PeopleReached);

/// <summary>
/// The running totals of a district's activities, voided ones left out: one document per unit, kept by
/// an asynchronous projection over every activity stream of the unit. The roll-up by tenant stores it
/// outside the tenants, keyed by the unit, hence single-tenanted.
/// </summary>
[SingleTenanted]
public sealed class DistrictActivityTotals
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The counted activities by id; voided ones are removed.</summary>
    public Dictionary<Guid, CountedActivity> Counted { get; set; } = [];

    /// <summary>When the last event taken into account happened (the event's own timestamp).</summary>
    public DateTimeOffset AsOf { get; set; }
}

/// <summary>
/// Folds <see cref="ActivityLogged"/>, <see cref="ActivityCorrected"/> and <see cref="ActivityVoided"/> of
/// every activity of a unit into its <see cref="DistrictActivityTotals"/>. Asynchronous: the log does not
/// wait for it. An event it cannot apply (e.g. a logged activity without its details) is skipped into
/// the dead-letter events by the daemon and the next events are still applied (see
/// <c>ProjectionDeadLetterEndpoints</c> for listing and replaying them).
/// </summary>
public sealed class DistrictActivityTotalsProjection : MultiStreamProjection<DistrictActivityTotals, string>
{
    public DistrictActivityTotalsProjection()
    {
        RollUpByTenant();
        IncludeType<ActivityLogged>();
        IncludeType<ActivityCorrected>();
        IncludeType<ActivityVoided>();
    }

    public override DistrictActivityTotals? Evolve(DistrictActivityTotals? snapshot, string id, IEvent e)
    {
        var totals = snapshot ?? new DistrictActivityTotals { Id = id };
        switch (e.Data)
        {
            case ActivityLogged logged:
                totals.Counted[logged.ActivityId] = Count(logged.ActivityId, logged.Details);
                break;
            case ActivityCorrected corrected:
                totals.Counted[corrected.ActivityId] = Count(corrected.ActivityId, corrected.Details);
                break;
            case ActivityVoided voided:
                totals.Counted.Remove(voided.ActivityId);
                break;
            default:
                return snapshot;
        }

        totals.AsOf = e.Timestamp;
        return totals;
    }

    private static CountedActivity Count(Guid activityId, ActivityDetails? details) =>
        details is null
            ? throw new InvalidOperationException($"Activity {activityId} has no details to count.")
            : new CountedActivity(details.Form, details.PeopleReached);
}

/// <summary>One communication form's share of a district's totals.</summary>
public sealed record FormTotals(CommunicationForm Form, int Activities, long PeopleReached);

/// <summary>A district's activity totals: activities and people reached, overall and by form, voided ones left out.</summary>
/// <param name="AsOf">The time of the last activity event counted; the totals follow the log within moments.</param>
public sealed record ActivityTotalsView(string Unit, int Activities, long PeopleReached, IReadOnlyList<FormTotals> ByForm, DateTimeOffset? AsOf);

public static class GetActivityTotalsEndpoint
{
    [WolverineGet("/api/units/{unit}/activity-totals")]
    [Tags("Activities")]
    public static async Task<ActivityTotalsView> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        var totals = await session.LoadAsync<DistrictActivityTotals>(unit, cancellation);
        var counted = (totals ?? new DistrictActivityTotals { Id = unit }).Counted.Values;
        var byForm = counted.GroupBy(c => c.Form)
            .OrderBy(g => g.Key)
            .Select(g => new FormTotals(g.Key, g.Count(), g.Sum(c => (long)c.PeopleReached)))
            .ToList();
        return new ActivityTotalsView(unit, counted.Count, counted.Sum(c => (long)c.PeopleReached), byForm, totals?.AsOf);
    }
}
