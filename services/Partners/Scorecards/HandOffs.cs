using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.ServiceDefaults;
using Marten;
using Wolverine;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>Outreach told Partners a batch of prospects was handed to a collection-service organisation.</summary>
/// <param name="MessageId">The envelope that brought it.</param>
public sealed record HandOffHeard(Guid HandOffBatchId, Guid CollectionOrganisationId, int ProspectCount, DateOnly HandedOffOn, Guid MessageId);

/// <summary>Outreach told Partners what became of a handed-off batch so far (the totals replace the last report's).</summary>
public sealed record HandOffOutcomesHeard(Guid HandOffBatchId, Guid CollectionOrganisationId, int Enrolled, int Declined, int Unreachable, Guid MessageId);

/// <summary>
/// A batch of prospects handed to a collection-service organisation, with what became of it so far:
/// an aggregate of what Partners heard of it (a stream per batch, inline snapshot). The hand-off sets
/// the prospect count, each outcome report replaces the totals; either may come first.
/// </summary>
public sealed record HandOffBatch(
    Guid Id, Guid CollectionOrganisationId, int ProspectCount, DateOnly? HandedOffOn, int Enrolled, int Declined, int Unreachable)
{
    public static HandOffBatch Create(HandOffHeard e) => Empty(e.HandOffBatchId, e.CollectionOrganisationId).Apply(e);

    public static HandOffBatch Create(HandOffOutcomesHeard e) => Empty(e.HandOffBatchId, e.CollectionOrganisationId).Apply(e);

    public HandOffBatch Apply(HandOffHeard e) => this with
    {
        CollectionOrganisationId = e.CollectionOrganisationId,
        ProspectCount = Math.Max(0, e.ProspectCount),
        HandedOffOn = e.HandedOffOn,
    };

    public HandOffBatch Apply(HandOffOutcomesHeard e) => this with
    {
        Enrolled = Math.Max(0, e.Enrolled),
        Declined = Math.Max(0, e.Declined),
        Unreachable = Math.Max(0, e.Unreachable),
    };

    private static HandOffBatch Empty(Guid id, Guid organisationId) => new(id, organisationId, 0, null, 0, 0, 0);
}

/// <summary>Hand-offs kept as events of the batch's stream; a message that changes nothing (a repeat) appends nothing.</summary>
public static class HandOffHandler
{
    public static Task Handle(ProspectsHandedOff message, Envelope envelope, IDocumentSession session, CancellationToken cancellation) =>
        session.AppendIfChangedAsync<HandOffBatch, HandOffHeard>(message.HandOffBatchId,
            new HandOffHeard(message.HandOffBatchId, message.CollectionOrganisationId, message.ProspectCount, message.HandedOffOn, envelope.Id),
            (held, e) => held is null ? HandOffBatch.Create(e) : held.Apply(e), cancellation);

    public static Task Handle(HandOffOutcomesReported message, Envelope envelope, IDocumentSession session, CancellationToken cancellation) =>
        session.AppendIfChangedAsync<HandOffBatch, HandOffOutcomesHeard>(message.HandOffBatchId,
            new HandOffOutcomesHeard(message.HandOffBatchId, message.CollectionOrganisationId, message.Enrolled, message.Declined, message.Unreachable, envelope.Id),
            (held, e) => held is null ? HandOffBatch.Create(e) : held.Apply(e), cancellation);
}

/// <summary>Outreach told Partners of an enrolment and what brought it in.</summary>
public sealed record EnrolmentHeard(
    Guid EnrolmentId, int Count, DateOnly EnrolledOn, Guid? ActivityId, Guid? CollectionOrganisationId, Guid? SponsorId, Guid MessageId);

/// <summary>An enrolment Outreach attributed to what brought it in (a stream per enrolment, inline snapshot).</summary>
public sealed record AttributedEnrolment(Guid Id, int Count, DateOnly EnrolledOn, Guid? ActivityId, Guid? CollectionOrganisationId, Guid? SponsorId)
{
    public static AttributedEnrolment Create(EnrolmentHeard e) =>
        new(e.EnrolmentId, Math.Max(0, e.Count), e.EnrolledOn, e.ActivityId, e.CollectionOrganisationId, e.SponsorId);
}

public static class EnrolmentHandler
{
    /// <summary>Kept as the one event of the enrolment's stream, so a repeated message changes nothing.</summary>
    public static async Task Handle(EnrolmentsRecorded message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        if (await session.LoadAsync<AttributedEnrolment>(message.EnrolmentId, cancellation) is not null)
        {
            return;
        }

        session.Events.StartStream<AttributedEnrolment>(message.EnrolmentId, new EnrolmentHeard(
            message.EnrolmentId, message.Count, message.EnrolledOn, message.ActivityId, message.CollectionOrganisationId, message.SponsorId, envelope.Id));
    }
}
