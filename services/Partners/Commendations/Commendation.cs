namespace BhxhPlatform.Partners.Commendations;

/// <summary>A unit (a partner) or a person was commended for their work in a year.</summary>
public sealed record CommendationAwarded(Guid CommendationId, int Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly AwardedOn);

/// <summary>A commendation recorded in error was withdrawn; it no longer counts.</summary>
public sealed record CommendationWithdrawn(Guid CommendationId, string Reason);

/// <summary>A commendation of a district office. Immutable; <see cref="Version"/> counts the events.</summary>
public sealed record Commendation(
    Guid Id, int Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly AwardedOn, bool Withdrawn, string? WithdrawalReason, int Version)
{
    public static Commendation Create(CommendationAwarded awarded) =>
        new(awarded.CommendationId, awarded.Year, awarded.PartnerId, awarded.PersonName, awarded.Reason, awarded.AwardedOn, false, null, 1);

    public Commendation Apply(CommendationWithdrawn withdrawn) =>
        this with { Withdrawn = true, WithdrawalReason = withdrawn.Reason, Version = Version + 1 };
}
