using BhxhPlatform.Contracts.Partners;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Partners told Planning a training was held (the one event of the training's stream in Planning's store).</summary>
public sealed record TrainingHeldReceived(Guid TrainingId, string District, Guid? AssociationId, DateOnly HeldOn, int Attendees, string? PlanLineCode, Guid MessageId);

/// <summary>A training or refresher conference Partners reported (a stream per training id, inline snapshot); it counts for its plan line.</summary>
public sealed record HeldTraining(Guid Id, string District, Guid? AssociationId, DateOnly HeldOn, int Attendees, string? PlanLineCode)
{
    public static HeldTraining Create(TrainingHeldReceived e) => new(e.TrainingId, e.District, e.AssociationId, e.HeldOn, e.Attendees, e.PlanLineCode);
}

public static class TrainingHeldHandler
{
    public static async Task Handle(TrainingHeld message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await session.LoadAsync<HeldTraining>(message.TrainingId, cancellation) is not null)
        {
            await session.RecordUnchangedAsync(envelope, message, message.TrainingId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        session.Events.StartStream<HeldTraining>(message.TrainingId, new TrainingHeldReceived(
            message.TrainingId, ReceivedFacts.DistrictOf(envelope), message.AssociationId, message.HeldOn, message.Attendees, message.PlanLineCode, envelope.Id));
        session.Record(envelope, message, message.TrainingId, ReceivedFacts.Applied, clock);
    }
}
