namespace BhxhPlatform.Partners.Collaborators;

/// <summary>A communication collaborator, or a collection-service agent working for a collection-service organisation.</summary>
public enum CollaboratorKind
{
    Collaborator,
    CollectionAgent,
}

/// <summary>A collaborator or agent was enlisted by the district office.</summary>
public sealed record CollaboratorEnlisted(
    Guid CollaboratorId, string Name, CollaboratorKind Kind, Guid? OrganisationId, string? Phone, DateOnly EnlistedOn, IReadOnlyList<string> CommuneIds);

public sealed record CollaboratorAssignedToCommune(Guid CollaboratorId, string CommuneId);

public sealed record CollaboratorUnassignedFromCommune(Guid CollaboratorId, string CommuneId);

/// <summary>The collaborator stopped working with the office; final.</summary>
public sealed record CollaboratorLeft(Guid CollaboratorId, DateOnly LeftOn, string Reason);

/// <summary>A collaborator or collection-service agent of a district. Immutable; <see cref="Version"/> counts the events.</summary>
public sealed record Collaborator(
    Guid Id,
    string Name,
    CollaboratorKind Kind,
    Guid? OrganisationId,
    string? Phone,
    DateOnly EnlistedOn,
    IReadOnlyList<string> CommuneIds,
    DateOnly? LeftOn,
    string? LeaveReason,
    int Version)
{
    public bool HasLeft => LeftOn is not null;

    public static Collaborator Create(CollaboratorEnlisted enlisted) =>
        new(enlisted.CollaboratorId, enlisted.Name, enlisted.Kind, enlisted.OrganisationId, enlisted.Phone, enlisted.EnlistedOn,
            enlisted.CommuneIds, null, null, 1);

    public Collaborator Apply(CollaboratorAssignedToCommune assigned) =>
        this with { CommuneIds = [.. CommuneIds, assigned.CommuneId], Version = Version + 1 };

    public Collaborator Apply(CollaboratorUnassignedFromCommune unassigned) =>
        this with { CommuneIds = [.. CommuneIds.Where(c => c != unassigned.CommuneId)], Version = Version + 1 };

    public Collaborator Apply(CollaboratorLeft left) =>
        this with { LeftOn = left.LeftOn, LeaveReason = left.Reason, Version = Version + 1 };
}
