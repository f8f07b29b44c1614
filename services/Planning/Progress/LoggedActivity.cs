using BhxhPlatform.Contracts.Outreach;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Progress;

/// <summary>
/// Planning's copy of an activity Outreach logged, keyed by the activity id, as it now stands:
/// corrections replace the fields, a void keeps the document but stops it counting.
/// <see cref="Revision"/> is the activity's version in Outreach this copy reflects. The document
/// uses optimistic concurrency: two messages about one activity handled at once cannot overwrite
/// each other (the loser is retried with the other's result loaded).
/// </summary>
public sealed record LoggedActivity(
    Guid Id,
    string District,
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    string FormKind,
    string? CommuneId,
    DateOnly OccurredOn,
    int PeopleReached,
    IReadOnlyList<Guid> PartnerIds,
    int Corrections,
    bool Voided,
    string? VoidReason,
    long Revision = 1);

public static class ActivityRecordedHandler
{
    /// <summary>Storing by the activity id makes a repeated message change nothing; a late copy never undoes a correction or a void.</summary>
    public static async Task Handle(ActivityRecorded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var held = await session.LoadAsync<LoggedActivity>(message.ActivityId, cancellation);
        var outcome = Receive(session, message, ReceivedFacts.DistrictOf(envelope), held);
        if (outcome == ReceivedFacts.Applied)
        {
            session.Record(envelope, message, message.ActivityId, outcome, clock);
        }
        else
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, outcome, clock, cancellation);
        }
    }

    /// <summary>
    /// What Planning does with one recorded activity, given what it already holds of it (loaded by
    /// the caller, alone or with the rest of a batch): a new activity is inserted; one already held,
    /// as logged, corrected or as the placeholder of a void that came first, is left as it is.
    /// Returns the outcome for the audit trail.
    /// </summary>
    public static string Receive(IDocumentSession session, ActivityRecorded message, string district, LoggedActivity? held)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        if (held is not null)
        {
            return ReceivedFacts.Duplicate;
        }

        // Insert, not Store: an activity another message stored meanwhile fails this transaction
        // (retried by RetryConcurrentDocumentWrites, then seen as held) instead of being overwritten.
        session.Insert(new LoggedActivity(
            message.ActivityId, district, message.DistrictPlanId, message.PlanLineCode, message.AudienceCode,
            message.FormKind, message.CommuneId, message.OccurredOn, message.PeopleReached, message.PartnerIds, 0, false, null));
        return ReceivedFacts.Applied;
    }
}

public static class ActivitiesRecordedHandler
{
    /// <summary>
    /// A batch from Outreach in one transaction: what Planning holds of all its activities is loaded
    /// in one query, then each activity is received as an <see cref="ActivityRecorded"/> would be, with
    /// one audit fact per activity. An activity repeated within the message is received once.
    /// </summary>
    /// <remarks>
    /// When some activities are already held, their facts from this very message are looked up (a
    /// second query, on that path only): a redelivered envelope (after Wolverine's inbox has let it
    /// go) keeps the facts it recorded the first time, "Applied" included, rather than rewriting
    /// them as duplicates of itself.
    /// </remarks>
    public static async Task Handle(ActivitiesRecorded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        var district = ReceivedFacts.DistrictOf(envelope);
        var activities = message.Activities.DistinctBy(a => a.ActivityId).ToList();
        var held = (await session.LoadManyAsync<LoggedActivity>(cancellation, activities.Select(a => a.ActivityId)))
            .ToDictionary(a => a.Id);
        var recorded = held.Count == 0
            ? []
            : (await session.LoadManyAsync<ReceivedFact>(cancellation, held.Keys.Select(id => ReceivedFacts.ItemKey(envelope.Id, id))))
                .Select(f => f.Id).ToHashSet();
        var receivedAt = clock.GetUtcNow();
        foreach (var activity in activities)
        {
            var outcome = ActivityRecordedHandler.Receive(session, activity, district, held.GetValueOrDefault(activity.ActivityId));
            if (!recorded.Contains(ReceivedFacts.ItemKey(envelope.Id, activity.ActivityId)))
            {
                session.RecordItem(envelope, message, activity.ActivityId, outcome, receivedAt);
            }
        }
    }
}

public static class ActivityCorrectedHandler
{
    /// <summary>A correction older than the one already applied (or a repeat) changes nothing.</summary>
    public static async Task Handle(ActivityCorrected message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var existing = await session.LoadAsync<LoggedActivity>(message.ActivityId, cancellation);
        if (existing is not null && message.Revision != 0 && message.Revision <= existing.Revision)
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        var corrected = new LoggedActivity(
            message.ActivityId, ReceivedFacts.DistrictOf(envelope), message.DistrictPlanId, message.PlanLineCode, message.AudienceCode,
            message.FormKind, message.CommuneId, message.OccurredOn, message.PeopleReached, message.PartnerIds,
            (existing?.Corrections ?? 0) + 1, existing?.Voided ?? false, existing?.VoidReason,
            message.Revision != 0 ? message.Revision : (existing?.Revision ?? 1) + 1);
        var unchanged = existing is not null && message.Revision == 0
            && existing with { Corrections = corrected.Corrections, PartnerIds = corrected.PartnerIds, Revision = corrected.Revision } == corrected
            && existing.PartnerIds.SequenceEqual(corrected.PartnerIds);
        if (unchanged)
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        if (existing is null)
        {
            session.Insert(corrected);
        }
        else
        {
            session.Store(corrected);
        }

        session.Record(envelope, message, message.ActivityId, ReceivedFacts.Applied, clock);
    }
}

public static class ActivityVoidedHandler
{
    /// <summary>A void before the activity itself arrived leaves a voided placeholder, so the late activity never counts.</summary>
    public static async Task Handle(ActivityVoided message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var existing = await session.LoadAsync<LoggedActivity>(message.ActivityId, cancellation);
        if (existing?.Voided == true)
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        if (existing is null)
        {
            session.Insert(new LoggedActivity(
                message.ActivityId, ReceivedFacts.DistrictOf(envelope), Guid.Empty, "", "", "", null, default, 0, [], 0, true, message.Reason));
        }
        else
        {
            session.Store(existing with { Voided = true, VoidReason = message.Reason });
        }
        session.Record(envelope, message, message.ActivityId, ReceivedFacts.Applied, clock);
    }
}

/// <summary>Activities logged per plan line in one organisation unit.</summary>
public sealed record LineActivityCount(string PlanLineCode, int Activities, long PeopleReached);

public static class GetLoggedActivitiesEndpoint
{
    /// <summary>Counted by PostgreSQL (one row per line), not by loading the unit's activities.</summary>
    [WolverineGet("/api/units/{unit}/progress/lines")]
    [Tags("Progress")]
    public static async Task<IReadOnlyList<LineActivityCount>> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        var lines = await session.Query<LoggedActivity>()
            .Where(a => !a.Voided)
            .GroupBy(a => a.PlanLineCode)
            .Select(g => new LineActivityCount(g.Key, g.Count(), g.Sum(a => (long)a.PeopleReached)))
            .ToListAsync(cancellation);
        return lines.OrderBy(l => l.PlanLineCode, StringComparer.Ordinal).ToList();
    }
}
