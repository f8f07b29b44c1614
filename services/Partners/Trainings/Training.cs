namespace BhxhPlatform.Partners.Trainings;

public enum TrainingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>A training or refresher conference for collection-service staff or collaborators was scheduled.</summary>
public sealed record TrainingScheduled(Guid TrainingId, DateOnly ScheduledOn, Guid? AssociationId, string Topic, string? PlanLineCode);

/// <summary>The training took place, with its attendance.</summary>
public sealed record TrainingConducted(Guid TrainingId, DateOnly HeldOn, int Attendees, IReadOnlyList<Guid> CollaboratorIds);

public sealed record TrainingCancelled(Guid TrainingId, string Reason);

/// <summary>A training of a district office. Immutable; <see cref="Version"/> counts the events.</summary>
public sealed record Training(
    Guid Id,
    DateOnly ScheduledOn,
    Guid? AssociationId,
    string Topic,
    string? PlanLineCode,
    TrainingStatus Status,
    DateOnly? HeldOn,
    int Attendees,
    IReadOnlyList<Guid> CollaboratorIds,
    string? CancelReason,
    int Version)
{
    public static Training Create(TrainingScheduled scheduled) =>
        new(scheduled.TrainingId, scheduled.ScheduledOn, scheduled.AssociationId, scheduled.Topic, scheduled.PlanLineCode,
            TrainingStatus.Scheduled, null, 0, [], null, 1);

    public Training Apply(TrainingConducted held) =>
        this with { Status = TrainingStatus.Held, HeldOn = held.HeldOn, Attendees = held.Attendees, CollaboratorIds = held.CollaboratorIds, Version = Version + 1 };

    public Training Apply(TrainingCancelled cancelled) =>
        this with { Status = TrainingStatus.Cancelled, CancelReason = cancelled.Reason, Version = Version + 1 };
}
