using BhxhPlatform.Contracts;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>The Partners service as the portal reads and writes it (see services/Partners/README.md); the records mirror its JSON.</summary>
public sealed class PartnersClient(HttpClient http)
{
    public const string Service = "partners";

    private static string Units(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}";

    /// <summary>Signed agreements warned about their end date, soonest first.</summary>
    public async Task<IReadOnlyList<ExpiringAgreementView>> ExpiringSoonAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<ExpiringAgreementView>>(Service, $"{Units(unit)}/agreements/expiring-soon", cancellation) ?? [];

    /// <summary>The district's partner organisations by name, optionally in one status.</summary>
    public async Task<IReadOnlyList<PartnerView>> PartnersAsync(string unit, PartnerStatus? status = null, CancellationToken cancellation = default) =>
        await http.GetAsync<List<PartnerView>>(Service, $"{Units(unit)}/partners{(status is { } s ? $"?status={s}" : string.Empty)}", cancellation) ?? [];

    public Task<PartnerView?> PartnerAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<PartnerView>(Service, $"{Units(unit)}/partners/{id}", cancellation);

    public Task<ServiceResult<Created>> RegisterPartnerAsync(string unit, RegisterPartnerRequest partner, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/partners", partner, cancellation);

    public Task<ServiceResult<object>> AddPartnerContactAsync(string unit, Guid id, long version, PartnerContactRequest contact, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/partners/{id}/contacts",
            new { version, name = contact.Name, role = contact.Role, phone = contact.Phone, email = contact.Email }, cancellation);

    public Task<ServiceResult<object>> RemovePartnerContactAsync(string unit, Guid id, long version, Guid contactId, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/partners/{id}/contacts/{contactId}/remove", new { version }, cancellation);

    /// <summary>Suspends, reactivates or dissolves a partner; a reason is needed to suspend or dissolve.</summary>
    public Task<ServiceResult<object>> ChangePartnerStatusAsync(
        string unit, Guid id, long version, PartnerStatusChange change, string? reason, CancellationToken cancellation = default) =>
        change switch
        {
            PartnerStatusChange.Suspend => http.PostAsync<object>(Service, $"{Units(unit)}/partners/{id}/suspend", new { version, reason }, cancellation),
            PartnerStatusChange.Reactivate => http.PostAsync<object>(Service, $"{Units(unit)}/partners/{id}/reactivate", new { version }, cancellation),
            PartnerStatusChange.Dissolve => http.PostAsync<object>(Service, $"{Units(unit)}/partners/{id}/dissolve", new { version, reason }, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

    /// <summary>The district's agreements by end date, optionally those with one partner as a party.</summary>
    public async Task<IReadOnlyList<AgreementView>> AgreementsAsync(string unit, Guid? partnerId = null, CancellationToken cancellation = default) =>
        await http.GetAsync<List<AgreementView>>(Service, $"{Units(unit)}/agreements{(partnerId is { } p ? $"?partnerId={p}" : string.Empty)}", cancellation) ?? [];

    public Task<AgreementView?> AgreementAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<AgreementView>(Service, $"{Units(unit)}/agreements/{id}", cancellation);

    public Task<ServiceResult<Created>> DraftAgreementAsync(string unit, DraftAgreementRequest agreement, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/agreements", agreement, cancellation);

    public Task<ServiceResult<object>> SignAgreementAsync(string unit, Guid id, long version, DateOnly? signedOn, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/agreements/{id}/sign", new { version, signedOn }, cancellation);

    /// <summary>Amends a signed agreement: its parties, scope and value as they now stand, with a note of what changed.</summary>
    public Task<ServiceResult<object>> AmendAgreementAsync(string unit, Guid id, AmendAgreementRequest amendment, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/agreements/{id}/amend", amendment, cancellation);

    public Task<ServiceResult<object>> RenewAgreementAsync(string unit, Guid id, long version, DateOnly? endsOn, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/agreements/{id}/renew", new { version, endsOn }, cancellation);

    public Task<ServiceResult<object>> TerminateAgreementAsync(
        string unit, Guid id, long version, string reason, DateOnly? terminatedOn, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/agreements/{id}/terminate", new { version, reason, terminatedOn }, cancellation);

    /// <summary>The district's collaborators and collection agents still working, by name.</summary>
    public async Task<IReadOnlyList<CollaboratorView>> CollaboratorsAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<CollaboratorView>>(Service, $"{Units(unit)}/collaborators", cancellation) ?? [];

    public Task<CollaboratorView?> CollaboratorAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<CollaboratorView>(Service, $"{Units(unit)}/collaborators/{id}", cancellation);

    public Task<ServiceResult<Created>> EnlistCollaboratorAsync(string unit, EnlistCollaboratorRequest collaborator, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/collaborators", collaborator, cancellation);

    public Task<ServiceResult<object>> LeaveCollaboratorAsync(string unit, Guid id, long version, DateOnly? leftOn, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/collaborators/{id}/leave", new { version, leftOn, reason }, cancellation);

    /// <summary>The trainings scheduled in a year, by date.</summary>
    public async Task<IReadOnlyList<TrainingView>> TrainingsAsync(string unit, int year, CancellationToken cancellation = default) =>
        await http.GetAsync<List<TrainingView>>(Service, $"{Units(unit)}/trainings?year={year}", cancellation) ?? [];

    /// <summary>For a year: each association and quarter against the rule of one to three trainings (Met, Short, Exceeded).</summary>
    public async Task<IReadOnlyList<QuarterlyTrainingView>> QuarterlyRuleAsync(string unit, int year, CancellationToken cancellation = default) =>
        await http.GetAsync<List<QuarterlyTrainingView>>(Service, $"{Units(unit)}/trainings/quarterly-rule?year={year}", cancellation) ?? [];

    public Task<TrainingView?> TrainingAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<TrainingView>(Service, $"{Units(unit)}/trainings/{id}", cancellation);

    public Task<ServiceResult<Created>> ScheduleTrainingAsync(string unit, ScheduleTrainingRequest training, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/trainings", training, cancellation);

    public Task<ServiceResult<object>> CancelTrainingAsync(string unit, Guid id, long version, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/trainings/{id}/cancel", new { version, reason }, cancellation);

    public Task<CommendationView?> CommendationAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<CommendationView>(Service, $"{Units(unit)}/commendations/{id}", cancellation);

    public Task<ServiceResult<object>> WithdrawCommendationAsync(string unit, Guid id, long version, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/commendations/{id}/withdraw", new { version, reason }, cancellation);

    public Task<ServiceResult<object>> HoldTrainingAsync(string unit, Guid id, long version, DateOnly? heldOn, int? attendees, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/trainings/{id}/hold", new { version, heldOn, attendees, collaboratorIds = Array.Empty<Guid>() }, cancellation);

    /// <summary>The commendations of a year that stand, by award date.</summary>
    public async Task<IReadOnlyList<CommendationView>> CommendationsAsync(string unit, int year, CancellationToken cancellation = default) =>
        await http.GetAsync<List<CommendationView>>(Service, $"{Units(unit)}/commendations?year={year}", cancellation) ?? [];

    public Task<ServiceResult<Created>> AwardCommendationAsync(string unit, AwardCommendationRequest commendation, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/commendations", commendation, cancellation);
}

public sealed record ExpiringAgreementView(Guid AgreementId, string Kind, string Title, IReadOnlyList<Guid> PartnerIds, DateOnly EndsOn);

/// <summary>The kinds of unit the plan coordinates with, as Partners names them.</summary>
public enum PartnerType
{
    PropagandaBoard,
    CultureMediaCentre,
    EmploymentServiceCentre,
    IndustrialParkAuthority,
    CommunePeoplesCommittee,
    UnionOrAssociation,
    CooperativeAlliance,
    MarketBoard,
    FatherlandFront,
    ReligiousInstitution,
    EducationOfficeOrSchool,
    HealthFacility,
    CollectionServiceOrganisation,
    Sponsor,
    Employer,
    ProvincialCommunicationDepartment,
    YouthUnion,
    DistrictCouncilOffice,
    VocationalSchool,
    HamletHeadOrPrestigiousPerson,
    Other,
}

public enum PartnerStatus { Active, Suspended, Dissolved }

/// <summary>A contact person; once their details were erased, <see cref="Erased"/> and no name, phone or e-mail.</summary>
public sealed record PartnerContactView(Guid ContactId, string? Name, string? Role, string? Phone, string? Email, bool Erased = false);

public sealed record PartnerView(
    Guid Id, string Name, PartnerType Type, string? CommuneId, PartnerStatus Status, string? StatusReason, IReadOnlyList<PartnerContactView> Contacts, int Version);

public sealed record RegisterPartnerRequest(string Name, PartnerType? Type, string? CommuneId);

public sealed record PartnerContactRequest(string? Name, string? Role, string? Phone, string? Email);

/// <summary>What an officer can do to a partner's standing: the moves each status allows are in <see cref="PartnerStatusChanges"/>.</summary>
public enum PartnerStatusChange { Suspend, Reactivate, Dissolve }

public static class PartnerStatusChanges
{
    /// <summary>An active partner can be suspended or dissolved, a suspended one reactivated or dissolved; a dissolved one is closed.</summary>
    public static IReadOnlyList<PartnerStatusChange> AllowedFrom(PartnerStatus status) => status switch
    {
        PartnerStatus.Active => [PartnerStatusChange.Suspend, PartnerStatusChange.Dissolve],
        PartnerStatus.Suspended => [PartnerStatusChange.Reactivate, PartnerStatusChange.Dissolve],
        _ => [],
    };
}

public enum AgreementKind { Programme, Contract }

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Signed is the Partners service's word for an agreement in force.")]
public enum AgreementStatus { Drafted, Signed, Terminated, Expired }

public sealed record AgreementScopeView(IReadOnlyList<string> AudienceCodes, IReadOnlyList<CommunicationForm> FormKinds, IReadOnlyList<string> PlanLineCodes, int? ActivitiesPerYear);

public sealed record AgreementView(
    Guid Id,
    AgreementKind Kind,
    string Title,
    IReadOnlyList<Guid> PartnerIds,
    AgreementScopeView Scope,
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
    /// <summary>In force and ending within <paramref name="days"/> days of <paramref name="today"/> (the office's "expiring soon").</summary>
    public bool EndsWithin(DateOnly today, int days) => Status == AgreementStatus.Signed && EndsOn >= today && EndsOn <= today.AddDays(days);
}

public sealed record DraftAgreementRequest(
    AgreementKind? Kind,
    string Title,
    IReadOnlyList<Guid> PartnerIds,
    IReadOnlyList<string> AudienceCodes,
    IReadOnlyList<CommunicationForm> FormKinds,
    IReadOnlyList<string> PlanLineCodes,
    int? ActivitiesPerYear,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    decimal? ValueVnd);

/// <summary>Partners' AmendAgreement: the whole new parties, scope and value (not a difference), on the version the officer read.</summary>
public sealed record AmendAgreementRequest(
    long Version,
    IReadOnlyList<Guid> PartnerIds,
    IReadOnlyList<string> AudienceCodes,
    IReadOnlyList<CommunicationForm> FormKinds,
    IReadOnlyList<string> PlanLineCodes,
    int? ActivitiesPerYear,
    decimal? ValueVnd,
    string Note);

public enum CollaboratorKind { Collaborator, CollectionAgent }

/// <summary>A collaborator; once their details were erased, <see cref="Erased"/> and no name or phone.</summary>
public sealed record CollaboratorView(
    Guid Id, string? Name, CollaboratorKind Kind, Guid? OrganisationId, string? Phone, DateOnly EnlistedOn, IReadOnlyList<string> CommuneIds,
    DateOnly? LeftOn, string? LeaveReason, int Version, bool Erased = false);

public sealed record EnlistCollaboratorRequest(
    string Name, CollaboratorKind? Kind, Guid? OrganisationId, string? Phone, DateOnly? EnlistedOn, IReadOnlyList<string> CommuneIds);

public enum TrainingStatus { Scheduled, Held, Cancelled }

public sealed record TrainingView(
    Guid Id, DateOnly ScheduledOn, Guid? AssociationId, string Topic, string? PlanLineCode, TrainingStatus Status, DateOnly? HeldOn, int Attendees,
    IReadOnlyList<Guid> CollaboratorIds, string? CancelReason, int Version);

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Short is the Partners service's word for fewer trainings than the rule asks.")]
public enum QuarterlyTrainingOutcome { Short, Met, Exceeded }

public sealed record QuarterlyTrainingView(Guid AssociationId, int Quarter, int TrainingsHeld, QuarterlyTrainingOutcome Outcome);

public sealed record ScheduleTrainingRequest(DateOnly? ScheduledOn, Guid? AssociationId, string Topic, string? PlanLineCode);

/// <summary>A commendation; once the commended person's name was erased, <see cref="PersonErased"/> and no name.</summary>
public sealed record CommendationView(
    Guid Id, int Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly AwardedOn, bool Withdrawn, string? WithdrawalReason, int Version,
    bool PersonErased = false);

public sealed record AwardCommendationRequest(int? Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly? AwardedOn);
