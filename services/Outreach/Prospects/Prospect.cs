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

/// <summary>How to reach a prospect. Personal data: never in logs or integration messages.</summary>
public sealed record ContactDetails(string? Address, string? Phone, string? Zalo, string? Email);

/// <summary>A person met during an activity who is not insured, recorded with their consent.</summary>
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

/// <summary>A prospect and where they are in the pipeline.</summary>
public sealed record Prospect(
    Guid Id,
    string FullName,
    ContactDetails Contact,
    string? CitizenId,
    TargetScheme Scheme,
    Guid? ActivityId,
    string? CommuneId,
    ConsentMethod ConsentMethod,
    DateTimeOffset ConsentRecordedAt,
    ProspectStatus Status,
    Guid? HandOffBatchId,
    Guid? CollectionOrganisationId,
    long Version)
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
