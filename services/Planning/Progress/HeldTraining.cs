using BhxhPlatform.Contracts.Partners;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>A training or refresher conference Partners reported (keyed by the training id); it counts for its plan line.</summary>
public sealed record HeldTraining(Guid Id, string District, Guid? AssociationId, DateOnly HeldOn, int Attendees, string? PlanLineCode);

public static class TrainingHeldHandler
{
    public static async Task Handle(TrainingHeld message, Envelope envelope, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await session.LoadAsync<HeldTraining>(message.TrainingId, cancellation) is not null)
        {
            await session.RecordUnchangedAsync(envelope, message, message.TrainingId, ReceivedFacts.Duplicate, clock, cancellation);
            return;
        }

        session.Store(new HeldTraining(
            message.TrainingId, ReceivedFacts.DistrictOf(envelope), message.AssociationId, message.HeldOn, message.Attendees, message.PlanLineCode));
        session.Record(envelope, message, message.TrainingId, ReceivedFacts.Applied, clock);
    }
}
