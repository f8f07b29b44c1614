using BhxhPlatform.Contracts.Outreach;
using Marten;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>A batch of prospects handed to a collection-service organisation, with what became of it so far.</summary>
public sealed record HandOffBatch(
    Guid Id, Guid CollectionOrganisationId, int ProspectCount, DateOnly? HandedOffOn, int Enrolled, int Declined, int Unreachable);

/// <summary>Hand-offs keyed by batch: the hand-off sets the prospect count, each outcome report replaces the totals.</summary>
public static class HandOffHandler
{
    public static async Task Handle(ProspectsHandedOff message, IDocumentSession session, CancellationToken cancellation)
    {
        var batch = await session.LoadAsync<HandOffBatch>(message.HandOffBatchId, cancellation)
            ?? new HandOffBatch(message.HandOffBatchId, message.CollectionOrganisationId, 0, null, 0, 0, 0);
        session.Store(batch with
        {
            CollectionOrganisationId = message.CollectionOrganisationId,
            ProspectCount = Math.Max(0, message.ProspectCount),
            HandedOffOn = message.HandedOffOn,
        });
    }

    public static async Task Handle(HandOffOutcomesReported message, IDocumentSession session, CancellationToken cancellation)
    {
        var batch = await session.LoadAsync<HandOffBatch>(message.HandOffBatchId, cancellation)
            ?? new HandOffBatch(message.HandOffBatchId, message.CollectionOrganisationId, 0, null, 0, 0, 0);
        session.Store(batch with
        {
            Enrolled = Math.Max(0, message.Enrolled),
            Declined = Math.Max(0, message.Declined),
            Unreachable = Math.Max(0, message.Unreachable),
        });
    }
}

/// <summary>An enrolment Outreach attributed to what brought it in; keyed by enrolment.</summary>
public sealed record AttributedEnrolment(Guid Id, int Count, DateOnly EnrolledOn, Guid? ActivityId, Guid? CollectionOrganisationId, Guid? SponsorId);

public static class EnrolmentHandler
{
    /// <summary>Stored by enrolment id, so a repeated message changes nothing.</summary>
    public static void Handle(EnrolmentsRecorded message, IDocumentSession session) =>
        session.Store(new AttributedEnrolment(
            message.EnrolmentId, Math.Max(0, message.Count), message.EnrolledOn, message.ActivityId, message.CollectionOrganisationId, message.SponsorId));
}
