using BhxhPlatform.Contracts.Outreach;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Outreach told Planning an activity was logged (the first event of the activity's stream in Planning's store).</summary>
/// <param name="MessageId">The envelope that brought it (the key of Wolverine's inbox and of the <see cref="ReceivedFact"/>).</param>
public sealed record LoggedActivityReceived(
    Guid ActivityId, string District, Guid DistrictPlanId, string PlanLineCode, string AudienceCode, string FormKind,
    string? CommuneId, DateOnly OccurredOn, int PeopleReached, IReadOnlyList<Guid> PartnerIds, Guid MessageId);

/// <summary>Outreach told Planning an activity was corrected; <paramref name="Revision"/> is its version in Outreach (0 from senders that did not say).</summary>
public sealed record ActivityCorrectionReceived(
    Guid ActivityId, string District, Guid DistrictPlanId, string PlanLineCode, string AudienceCode, string FormKind,
    string? CommuneId, DateOnly OccurredOn, int PeopleReached, IReadOnlyList<Guid> PartnerIds, long Revision, Guid MessageId);

/// <summary>Outreach told Planning an activity was voided; it stops counting (a void before the activity leaves a voided placeholder).</summary>
public sealed record ActivityVoidReceived(Guid ActivityId, string District, string? Reason, Guid MessageId);

/// <summary>
/// Planning's copy of an activity Outreach logged, as it now stands: an aggregate of what Planning
/// received about it (one stream per activity id, inline snapshot), so it is on the audit timeline
/// under the sender's correlation id and the rebuild check replays it. Corrections replace the
/// fields, a void keeps the document but stops it counting. <see cref="Revision"/> is the
/// activity's version in Outreach this copy reflects. Two messages about one activity handled at
/// once cannot overwrite each other: the stream's expected version (or its creation) fails the
/// loser, which is retried with the other's result loaded.
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
    long Revision = 1)
{
    public static LoggedActivity Create(LoggedActivityReceived e) => new(
        e.ActivityId, e.District, e.DistrictPlanId, e.PlanLineCode, e.AudienceCode, e.FormKind, e.CommuneId, e.OccurredOn,
        e.PeopleReached, e.PartnerIds, 0, false, null);

    /// <summary>A correction that came before the activity itself.</summary>
    public static LoggedActivity Create(ActivityCorrectionReceived e) => Corrected(null, e);

    /// <summary>A void that came before the activity itself: a voided placeholder, so the late activity never counts.</summary>
    public static LoggedActivity Create(ActivityVoidReceived e) =>
        new(e.ActivityId, e.District, Guid.Empty, "", "", "", null, default, 0, [], 0, true, e.Reason);

    public LoggedActivity Apply(ActivityCorrectionReceived e) => Corrected(this, e);

    public LoggedActivity Apply(ActivityVoidReceived e) => this with { Voided = true, VoidReason = e.Reason };

    private static LoggedActivity Corrected(LoggedActivity? existing, ActivityCorrectionReceived e) => new(
        e.ActivityId, e.District, e.DistrictPlanId, e.PlanLineCode, e.AudienceCode, e.FormKind, e.CommuneId, e.OccurredOn,
        e.PeopleReached, e.PartnerIds, (existing?.Corrections ?? 0) + 1, existing?.Voided ?? false, existing?.VoidReason,
        e.Revision != 0 ? e.Revision : (existing?.Revision ?? 1) + 1);
}

public static class ActivityRecordedHandler
{
    /// <summary>A repeated message changes nothing; a late copy never undoes a correction or a void.</summary>
    public static async Task Handle(ActivityRecorded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var held = await session.LoadAsync<LoggedActivity>(message.ActivityId, cancellation);
        var outcome = Receive(session, message, ReceivedFacts.DistrictOf(envelope), held, envelope.Id);
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
    /// the caller, alone or with the rest of a batch): a new activity starts its stream; one already
    /// held, as logged, corrected or as the placeholder of a void that came first, is left as it is.
    /// Returns the outcome for the audit trail.
    /// </summary>
    public static string Receive(IDocumentSession session, ActivityRecorded message, string district, LoggedActivity? held, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        if (held is not null)
        {
            return ReceivedFacts.Duplicate;
        }

        // Starting the stream, not appending: an activity another message started meanwhile fails this
        // transaction (retried by RetryConcurrentDocumentWrites, then seen as held) instead of forking it.
        session.Events.StartStream<LoggedActivity>(message.ActivityId, new LoggedActivityReceived(
            message.ActivityId, district, message.DistrictPlanId, message.PlanLineCode, message.AudienceCode,
            message.FormKind, message.CommuneId, message.OccurredOn, message.PeopleReached, message.PartnerIds, messageId));
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
            var outcome = ActivityRecordedHandler.Receive(session, activity, district, held.GetValueOrDefault(activity.ActivityId), envelope.Id);
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
        var stream = await session.Events.FetchForWriting<LoggedActivity>(message.ActivityId, cancellation);
        var existing = stream.Aggregate;
        if (existing is not null && message.Revision != 0 && message.Revision <= existing.Revision)
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        var received = new ActivityCorrectionReceived(
            message.ActivityId, ReceivedFacts.DistrictOf(envelope), message.DistrictPlanId, message.PlanLineCode, message.AudienceCode,
            message.FormKind, message.CommuneId, message.OccurredOn, message.PeopleReached, message.PartnerIds, message.Revision, envelope.Id);
        var corrected = existing is null ? LoggedActivity.Create(received) : existing.Apply(received);
        var unchanged = existing is not null && message.Revision == 0
            && existing with { Corrections = corrected.Corrections, PartnerIds = corrected.PartnerIds, Revision = corrected.Revision } == corrected
            && existing.PartnerIds.SequenceEqual(corrected.PartnerIds);
        if (unchanged)
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        stream.AppendOne(received);
        session.Record(envelope, message, message.ActivityId, ReceivedFacts.Applied, clock);
    }
}

public static class ActivityVoidedHandler
{
    /// <summary>A void before the activity itself arrived leaves a voided placeholder, so the late activity never counts.</summary>
    public static async Task Handle(ActivityVoided message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<LoggedActivity>(message.ActivityId, cancellation);
        if (stream.Aggregate?.Voided == true)
        {
            await session.RecordUnchangedAsync(envelope, message, message.ActivityId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        stream.AppendOne(new ActivityVoidReceived(message.ActivityId, ReceivedFacts.DistrictOf(envelope), message.Reason, envelope.Id));
        session.Record(envelope, message, message.ActivityId, ReceivedFacts.Applied, clock);
    }
}

/// <summary>Activities logged per plan line in one organisation unit.</summary>
public sealed record LineActivityCount(string PlanLineCode, int Activities, long PeopleReached);

public static class GetLoggedActivitiesEndpoint
{
    /// <summary>Read from the month tallies of the unit (<see cref="ActivityTalliesProjection"/>), not from its activities.</summary>
    [WolverineGet("/api/units/{unit}/progress/lines")]
    [Tags("Progress")]
    public static async Task<IReadOnlyList<LineActivityCount>> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var lines = await session.AdvancedSql.QueryAsync<LineActivityCount>(
            $"""
            select jsonb_build_object('planLineCode', m.plan_line_code, 'activities', sum(m.logged), 'peopleReached', sum(m.people_reached))
            from {schema}.{ActivityTalliesProjection.MonthTable} as m
            where m.tenant_id = :tenant
            group by m.plan_line_code
            having sum(m.logged) <> 0
            """,
            cancellation, new { tenant = session.TenantId });
        return lines.OrderBy(l => l.PlanLineCode, StringComparer.Ordinal).ToList();
    }
}
