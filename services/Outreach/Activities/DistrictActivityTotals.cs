using BhxhPlatform.Contracts;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>
/// An activity as its district's totals count it: form, people reached and whether it was voided,
/// with the time of the last event taken into account (the event's own timestamp). One small
/// document per activity, in the activity's unit (tenant), kept by an asynchronous projection.
/// </summary>
public sealed record CountedActivity(Guid Id, CommunicationForm Form, int PeopleReached, bool Voided, DateTimeOffset AsOf);

/// <summary>
/// Folds <see cref="ActivityLogged"/>, <see cref="ActivityCorrected"/> and <see cref="ActivityVoided"/> of
/// each activity into its <see cref="CountedActivity"/>; the district totals add those up in PostgreSQL.
/// Asynchronous: the log does not wait for it. Each event costs the same whatever the district's size
/// (no document grows with the number of activities). An event it cannot apply (e.g. a logged activity
/// without its details) is skipped into the dead-letter events by the daemon and the next events are
/// still applied (see <c>ProjectionDeadLetterEndpoints</c> for listing and replaying them).
/// </summary>
public sealed class DistrictActivityTotalsProjection : SingleStreamProjection<CountedActivity, Guid>
{
    public const string ProjectionName = "DistrictActivityTotals";

    public DistrictActivityTotalsProjection()
    {
        Name = ProjectionName;
    }

    public override CountedActivity? Evolve(CountedActivity? snapshot, Guid id, IEvent e) => e.Data switch
    {
        ActivityLogged logged => Count(logged.ActivityId, logged.Details, e.Timestamp),
        ActivityCorrected corrected => Count(corrected.ActivityId, corrected.Details, e.Timestamp) with { Voided = snapshot?.Voided ?? false },
        ActivityVoided when snapshot is not null => snapshot with { Voided = true, AsOf = e.Timestamp },
        _ => snapshot,
    };

    private static CountedActivity Count(Guid activityId, ActivityDetails? details, DateTimeOffset at) =>
        details is null
            ? throw new InvalidOperationException($"Activity {activityId} has no details to count.")
            : new CountedActivity(activityId, details.Form, details.PeopleReached, false, at);
}

/// <summary>One communication form's share of a district's totals.</summary>
public sealed record FormTotals(CommunicationForm Form, int Activities, long PeopleReached);

/// <summary>A district's activity totals: activities and people reached, overall and by form, voided ones left out.</summary>
/// <param name="AsOf">The time of the last activity event counted; the totals follow the log within moments.</param>
public sealed record ActivityTotalsView(string Unit, int Activities, long PeopleReached, IReadOnlyList<FormTotals> ByForm, DateTimeOffset? AsOf);

public static class GetActivityTotalsEndpoint
{
    /// <summary>Added up in PostgreSQL over the unit's counted activities (tenant index), voided ones left out.</summary>
    [WolverineGet("/api/units/{unit}/activity-totals")]
    [Tags("Activities")]
    public static async Task<ActivityTotalsView> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        var byForm = await session.Query<CountedActivity>()
            .Where(c => !c.Voided)
            .GroupBy(c => c.Form)
            .Select(g => new FormTotals(g.Key, g.Count(), g.Sum(c => (long)c.PeopleReached)))
            .ToListAsync(cancellation);
        var latest = await session.Query<CountedActivity>().OrderByDescending(c => c.AsOf).FirstOrDefaultAsync(cancellation);
        var forms = byForm.OrderBy(f => f.Form).ToList();
        return new ActivityTotalsView(unit, forms.Sum(f => f.Activities), forms.Sum(f => f.PeopleReached), forms, latest?.AsOf);
    }
}
