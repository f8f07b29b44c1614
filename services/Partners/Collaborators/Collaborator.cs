using BhxhPlatform.ServiceDefaults.PersonalData;

namespace BhxhPlatform.Partners.Collaborators;

/// <summary>A communication collaborator, or a collection-service agent working for a collection-service organisation.</summary>
public enum CollaboratorKind
{
    Collaborator,
    CollectionAgent,
}

/// <summary>
/// A collaborator or agent was enlisted by the district office. <see cref="Name"/> and <see cref="Phone"/> hold SEALED
/// values (with the collaborator's own key, whose id is the collaborator's), never clear text.
/// </summary>
public sealed record CollaboratorEnlisted(
    Guid CollaboratorId, string Name, CollaboratorKind Kind, Guid? OrganisationId, string? Phone, DateOnly EnlistedOn, IReadOnlyList<string> CommuneIds);

public sealed record CollaboratorAssignedToCommune(Guid CollaboratorId, string CommuneId);

public sealed record CollaboratorUnassignedFromCommune(Guid CollaboratorId, string CommuneId);

/// <summary>The collaborator stopped working with the office; final.</summary>
public sealed record CollaboratorLeft(Guid CollaboratorId, DateOnly LeftOn, string Reason);

/// <summary>
/// The collaborator's personal details were erased: their key was destroyed, so the sealed name and phone in earlier events
/// can no longer be opened. Carries no personal data; kind, organisation, communes and dates stay.
/// </summary>
public sealed record CollaboratorErased(Guid CollaboratorId, ErasureReason Reason, DateTimeOffset ErasedAt);

/// <summary>
/// A collaborator or collection-service agent of a district, as stored: name and phone sealed, null once erased. Immutable;
/// <see cref="Version"/> counts the events. Read through <see cref="CollaboratorView"/>.
/// </summary>
public sealed record Collaborator(
    Guid Id,
    string? Name,
    CollaboratorKind Kind,
    Guid? OrganisationId,
    string? Phone,
    DateOnly EnlistedOn,
    IReadOnlyList<string> CommuneIds,
    DateOnly? LeftOn,
    string? LeaveReason,
    int Version,
    DateTimeOffset? ErasedAt = null)
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

    public Collaborator Apply(CollaboratorErased erased) =>
        this with { Name = null, Phone = null, ErasedAt = erased.ErasedAt, Version = Version + 1 };
}
