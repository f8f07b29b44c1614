namespace BhxhPlatform.Partners.Agreements;

/// <summary>A coordination programme with partners, or a paid contract.</summary>
public enum AgreementKind
{
    Programme,
    Contract,
}

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Signed is the domain word for an agreement in force.")]
public enum AgreementStatus
{
    Drafted,
    Signed,
    Terminated,
    Expired,
}

/// <summary>What an agreement covers: audiences, forms of communication, plan lines, and a yearly commitment when it states one.</summary>
public sealed record AgreementScope(
    IReadOnlyList<string> AudienceCodes,
    IReadOnlyList<string> FormKinds,
    IReadOnlyList<string> PlanLineCodes,
    int? ActivitiesPerYear);

/// <summary>An agreement was drafted with its parties, scope and term.</summary>
public sealed record AgreementDrafted(
    Guid AgreementId,
    AgreementKind Kind,
    string Title,
    IReadOnlyList<Guid> PartnerIds,
    AgreementScope Scope,
    DateOnly StartsOn,
    DateOnly EndsOn,
    decimal? ValueVnd);

/// <summary>The parties signed the agreement.</summary>
public sealed record AgreementConcluded(Guid AgreementId, DateOnly SignedOn);

/// <summary>A signed agreement was amended: its parties, scope and value as they now stand.</summary>
public sealed record AgreementAmended(Guid AgreementId, IReadOnlyList<Guid> PartnerIds, AgreementScope Scope, decimal? ValueVnd, string Note);

/// <summary>A signed agreement was renewed until a later end date.</summary>
public sealed record AgreementRenewed(Guid AgreementId, DateOnly PreviousEndsOn, DateOnly EndsOn, DateOnly RenewedOn);

/// <summary>A signed agreement was ended early.</summary>
public sealed record AgreementTerminated(Guid AgreementId, string Reason, DateOnly TerminatedOn);

/// <summary>A signed agreement reached its end date without renewal.</summary>
public sealed record AgreementExpired(Guid AgreementId, DateOnly EndedOn);

/// <summary>The office was warned that a signed agreement ends soon.</summary>
public sealed record AgreementExpiryWarned(Guid AgreementId, DateOnly EndsOn, DateOnly WarnedOn);

/// <summary>
/// An agreement of a district office with its partners. Immutable: each event returns a new
/// state; <see cref="Version"/> counts the events, for the expected version of the next command.
/// </summary>
public sealed record Agreement(
    Guid Id,
    AgreementKind Kind,
    string Title,
    IReadOnlyList<Guid> PartnerIds,
    AgreementScope Scope,
    DateOnly StartsOn,
    DateOnly EndsOn,
    decimal? ValueVnd,
    AgreementStatus Status,
    DateOnly? SignedOn,
    int Amendments,
    int Renewals,
    DateOnly? ExpiryWarnedFor,
    string? EndReason,
    DateOnly? EndedOn,
    int Version)
{
    public static Agreement Create(AgreementDrafted drafted) =>
        new(drafted.AgreementId, drafted.Kind, drafted.Title, drafted.PartnerIds, drafted.Scope, drafted.StartsOn, drafted.EndsOn,
            drafted.ValueVnd, AgreementStatus.Drafted, null, 0, 0, null, null, null, 1);

    public Agreement Apply(AgreementConcluded concluded) =>
        this with { Status = AgreementStatus.Signed, SignedOn = concluded.SignedOn, Version = Version + 1 };

    public Agreement Apply(AgreementAmended amended) =>
        this with
        {
            PartnerIds = amended.PartnerIds, Scope = amended.Scope, ValueVnd = amended.ValueVnd,
            Amendments = Amendments + 1, Version = Version + 1,
        };

    public Agreement Apply(AgreementRenewed renewed) =>
        this with { EndsOn = renewed.EndsOn, Renewals = Renewals + 1, ExpiryWarnedFor = null, Version = Version + 1 };

    public Agreement Apply(AgreementTerminated terminated) =>
        this with { Status = AgreementStatus.Terminated, EndReason = terminated.Reason, EndedOn = terminated.TerminatedOn, Version = Version + 1 };

    public Agreement Apply(AgreementExpired expired) =>
        this with { Status = AgreementStatus.Expired, EndReason = nameof(AgreementStatus.Expired), EndedOn = expired.EndedOn, Version = Version + 1 };

    public Agreement Apply(AgreementExpiryWarned warned) =>
        this with { ExpiryWarnedFor = warned.EndsOn, Version = Version + 1 };

    /// <summary>The agreement as Planning learns it when it is signed, amended or renewed (of the agreement after the change: its version is the revision).</summary>
    public Contracts.Partners.AgreementSigned ToSigned() =>
        new(Id, Kind.ToString(), PartnerIds, Scope.AudienceCodes, Scope.FormKinds, Scope.PlanLineCodes, StartsOn, EndsOn,
            Scope.ActivitiesPerYear, ValueVnd, Version);
}
