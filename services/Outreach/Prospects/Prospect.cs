using BhxhPlatform.ServiceDefaults.PersonalData;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>What a prospect is being persuaded to do.</summary>
public enum TargetScheme
{
    VoluntarySocialInsurance,
    HouseholdHealthInsurance,

    /// <summary>Keep the contribution time: do not take the one-off lump sum (BHXH một lần).</summary>
    KeepContributionTime,
}

/// <summary>How the person gave consent to be contacted again and handed to a collection-service organisation.</summary>
public enum ConsentMethod
{
    Verbal,
    Written,
    Electronic,
}

/// <summary>Where a prospect is in the pipeline: Contacted → HandedOff → Enrolled | Declined | Unreachable.</summary>
public enum ProspectStatus
{
    Contacted,
    HandedOff,
    Enrolled,
    Declined,
    Unreachable,
}

/// <summary>What a collection-service organisation reports back about a prospect.</summary>
public enum ProspectOutcome
{
    Enrolled,
    Declined,
    Unreachable,
}

/// <summary>
/// How to reach a prospect. Personal data: never in logs or integration messages; in events and
/// documents every field is sealed with the person's key (see <see cref="PersonalDataProtector"/>).
/// </summary>
public sealed record ContactDetails(string? Address, string? Phone, string? Zalo, string? Email);

/// <summary>
/// A person met during an activity who is not insured, recorded with their consent.
/// <see cref="FullName"/>, every field of <see cref="Contact"/> and <see cref="CitizenId"/> hold
/// SEALED values (<c>enc:v1:…</c>, AES-GCM with the person's key), never clear text: the event is
/// stored, and hash-chained, already encrypted.
/// </summary>
public sealed record ProspectRecorded(
    Guid ProspectId,
    string FullName,
    ContactDetails Contact,
    string? CitizenId,
    TargetScheme Scheme,
    Guid? ActivityId,
    string? CommuneId,
    ConsentMethod ConsentMethod,
    DateTimeOffset ConsentRecordedAt);

/// <summary>The prospect was handed to a collection-service organisation in a batch.</summary>
public sealed record ProspectHandedOff(Guid ProspectId, Guid HandOffBatchId, Guid CollectionOrganisationId, DateOnly HandedOffOn);

/// <summary>The collection-service organisation reported what became of the prospect.</summary>
public sealed record ProspectOutcomeReported(Guid ProspectId, Guid HandOffBatchId, ProspectOutcome Outcome, DateOnly ReportedOn);

/// <summary>
/// Someone is to contact the prospect again on <paramref name="NextContactOn"/>: <paramref name="Assignee"/>, an account's
/// user name (an officer of the unit or a collection agent). A new one replaces the last.
/// </summary>
public sealed record ProspectFollowUpScheduled(Guid ProspectId, DateOnly NextContactOn, string Assignee);

/// <summary>No further contact is planned (the follow-up was done, or is no longer needed).</summary>
public sealed record ProspectFollowUpCleared(Guid ProspectId);

/// <summary>
/// The prospect's personal data was erased: their key was destroyed, so the sealed values in
/// earlier events can no longer be opened. Carries no personal data; the events are untouched.
/// </summary>
public sealed record ProspectErased(Guid ProspectId, ErasureReason Reason, DateTimeOffset ErasedAt);

/// <summary>
/// A prospect and where they are in the pipeline, as stored: personal fields sealed (see
/// <see cref="ProspectRecorded"/>), and dropped altogether once erased. Read through <see cref="ProspectView"/>.
/// </summary>
public sealed record Prospect(
    Guid Id,
    string? FullName,
    ContactDetails? Contact,
    string? CitizenId,
    TargetScheme Scheme,
    Guid? ActivityId,
    string? CommuneId,
    ConsentMethod ConsentMethod,
    DateTimeOffset ConsentRecordedAt,
    ProspectStatus Status,
    Guid? HandOffBatchId,
    Guid? CollectionOrganisationId,
    long Version,
    DateTimeOffset? ErasedAt = null,
    DateOnly? NextContactOn = null,
    string? FollowUpAssignee = null)
{
    public static Prospect Create(ProspectRecorded e) => new(
        e.ProspectId, e.FullName, e.Contact, e.CitizenId, e.Scheme, e.ActivityId, e.CommuneId, e.ConsentMethod, e.ConsentRecordedAt,
        ProspectStatus.Contacted, null, null, 1);

    public Prospect Apply(ProspectHandedOff e) => this with
    {
        Status = ProspectStatus.HandedOff,
        HandOffBatchId = e.HandOffBatchId,
        CollectionOrganisationId = e.CollectionOrganisationId,
        Version = Version + 1,
    };

    public Prospect Apply(ProspectOutcomeReported e) => this with { Status = ToStatus(e.Outcome), Version = Version + 1 };

    public Prospect Apply(ProspectFollowUpScheduled e) => this with { NextContactOn = e.NextContactOn, FollowUpAssignee = e.Assignee, Version = Version + 1 };

    public Prospect Apply(ProspectFollowUpCleared e) => this with { NextContactOn = null, FollowUpAssignee = null, Version = Version + 1 };

    /// <summary>Whether the prospect is still being persuaded, so that a follow-up means something.</summary>
    public bool IsOpen => ErasedAt is null && Status is ProspectStatus.Contacted or ProspectStatus.HandedOff;

    /// <summary>Status, scheme, activity and organisation stay, so counts and conversion do not change.</summary>
    public Prospect Apply(ProspectErased e) => this with
    {
        FullName = null,
        Contact = null,
        CitizenId = null,
        ErasedAt = e.ErasedAt,
        Version = Version + 1,
    };

    public static ProspectStatus ToStatus(ProspectOutcome outcome) => outcome switch
    {
        ProspectOutcome.Enrolled => ProspectStatus.Enrolled,
        ProspectOutcome.Declined => ProspectStatus.Declined,
        _ => ProspectStatus.Unreachable,
    };

    /// <summary>The pipeline's only moves: a contacted person is handed off; a handed-off one gets an outcome.</summary>
    public static bool CanMove(ProspectStatus from, ProspectStatus to) => (from, to) switch
    {
        (ProspectStatus.Contacted, ProspectStatus.HandedOff) => true,
        (ProspectStatus.HandedOff, ProspectStatus.Enrolled or ProspectStatus.Declined or ProspectStatus.Unreachable) => true,
        _ => false,
    };
}
