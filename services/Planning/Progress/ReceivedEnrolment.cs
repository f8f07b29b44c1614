using BhxhPlatform.Contracts.Outreach;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Outreach told Planning people enrolled (the one event of the enrolment's stream in Planning's store).</summary>
public sealed record EnrolmentsReceived(
    Guid EnrolmentId, string District, string Scheme, int Count, DateOnly EnrolledOn, Guid? DistrictPlanId, string? PlanLineCode, Guid? ActivityId, Guid MessageId);

/// <summary>People enrolled in a scheme, as Outreach reported them (a stream per enrolment id, inline snapshot).</summary>
public sealed record ReceivedEnrolment(
    Guid Id, string District, string Scheme, int Count, DateOnly EnrolledOn, Guid? DistrictPlanId, string? PlanLineCode, Guid? ActivityId)
{
    public static ReceivedEnrolment Create(EnrolmentsReceived e) =>
        new(e.EnrolmentId, e.District, e.Scheme, e.Count, e.EnrolledOn, e.DistrictPlanId, e.PlanLineCode, e.ActivityId);
}

public static class EnrolmentsRecordedHandler
{
    public static async Task Handle(EnrolmentsRecorded message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ReceivedEnrolment>(message.EnrolmentId, cancellation) is not null)
        {
            await session.RecordUnchangedAsync(envelope, message, message.EnrolmentId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        session.Events.StartStream<ReceivedEnrolment>(message.EnrolmentId, new EnrolmentsReceived(
            message.EnrolmentId, ReceivedFacts.DistrictOf(envelope), message.Scheme, message.Count, message.EnrolledOn,
            message.DistrictPlanId, message.PlanLineCode, message.ActivityId, envelope.Id));
        session.Record(envelope, message, message.EnrolmentId, ReceivedFacts.Applied, clock);
    }
}
