using BhxhPlatform.ServiceDefaults.PersonalData;

namespace BhxhPlatform.Partners.Commendations;

/// <summary>
/// A unit (a partner) or a person was commended for their work in a year. A person's <see cref="PersonName"/> is SEALED
/// (with a key of the commended person's own, whose id is the commendation's), never clear text.
/// </summary>
public sealed record CommendationAwarded(Guid CommendationId, int Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly AwardedOn);

/// <summary>A commendation recorded in error was withdrawn; it no longer counts.</summary>
public sealed record CommendationWithdrawn(Guid CommendationId, string Reason);

/// <summary>
/// The commended person's name was erased: their key was destroyed, so the sealed name in the award can no longer be opened.
/// Carries no personal data; the commendation (year, reason, date) still counts.
/// </summary>
public sealed record CommendedPersonErased(Guid CommendationId, ErasureReason Reason, DateTimeOffset ErasedAt);

/// <summary>
/// A commendation of a district office, as stored: a person's name sealed, null once erased (<see cref="PersonErasedAt"/>).
/// Immutable; <see cref="Version"/> counts the events. Read through <see cref="CommendationView"/>.
/// </summary>
public sealed record Commendation(
    Guid Id, int Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly AwardedOn, bool Withdrawn, string? WithdrawalReason, int Version,
    DateTimeOffset? PersonErasedAt = null)
{
    /// <summary>Whether a person (not a partner) was commended.</summary>
    public bool OfPerson => PartnerId is null;

    public static Commendation Create(CommendationAwarded awarded) =>
        new(awarded.CommendationId, awarded.Year, awarded.PartnerId, awarded.PersonName, awarded.Reason, awarded.AwardedOn, false, null, 1);

    public Commendation Apply(CommendationWithdrawn withdrawn) =>
        this with { Withdrawn = true, WithdrawalReason = withdrawn.Reason, Version = Version + 1 };

    public Commendation Apply(CommendedPersonErased erased) =>
        this with { PersonName = null, PersonErasedAt = erased.ErasedAt, Version = Version + 1 };
}
