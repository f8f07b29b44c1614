using BhxhPlatform.Contracts.Outreach;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>People enrolled in a scheme, as Outreach reported them (keyed by the enrolment id).</summary>
public sealed record ReceivedEnrolment(
    Guid Id, string District, string Scheme, int Count, DateOnly EnrolledOn, Guid? DistrictPlanId, string? PlanLineCode, Guid? ActivityId);

public static class EnrolmentsRecordedHandler
{
    public static async Task Handle(EnrolmentsRecorded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ReceivedEnrolment>(message.EnrolmentId, cancellation) is not null)
        {
            await session.RecordUnchangedAsync(envelope, message, message.EnrolmentId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        session.Store(new ReceivedEnrolment(
            message.EnrolmentId, ReceivedFacts.DistrictOf(envelope), message.Scheme, message.Count, message.EnrolledOn,
            message.DistrictPlanId, message.PlanLineCode, message.ActivityId));
        session.Record(envelope, message, message.EnrolmentId, ReceivedFacts.Applied, clock);
    }
}
