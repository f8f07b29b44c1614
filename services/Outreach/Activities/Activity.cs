using BhxhPlatform.Contracts;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>The social or media channel a post went out on.</summary>
public enum MediaPlatform
{
    Facebook,
    Zalo,
    YouTube,
    Livestream,
    Zoom,
    Website,
    Newspaper,
    Radio,
    Television,
}

/// <summary>How a telephone campaign reached people.</summary>
public enum CampaignChannel
{
    Sms,
    Call,
}

/// <summary>A conference: who came, and the checklist the plan asks of every conference.</summary>
/// <param name="Attendance">How many people attended.</param>
/// <param name="VideoClipShown">A video clip was shown before the start.</param>
/// <param name="GovernmentRepresentativeInvited">A representative of the local government was invited.</param>
/// <param name="BeneficiaryTestified">A real local beneficiary spoke about their benefits.</param>
/// <param name="EthnicLanguageSpeaker">The speaker knew the audience's ethnic language (asked where the audience is 3.9).</param>
public sealed record ConferenceDetails(
    int Attendance,
    bool? VideoClipShown,
    bool? GovernmentRepresentativeInvited,
    bool? BeneficiaryTestified,
    bool? EthnicLanguageSpeaker = null);

/// <summary>A post on a social network or a piece in the media, with its reach.</summary>
public sealed record PostDetails(MediaPlatform? Platform, string? Link, long Reach, long? Interactions = null, long? Shares = null);

/// <summary>An SMS or call campaign: how many contacts were tried and how many were reached.</summary>
public sealed record CampaignDetails(CampaignChannel? Channel, int ContactsAttempted, int ContactsReached);

/// <summary>Leaflets, folders, notebooks and the like handed out during an activity.</summary>
public sealed record MaterialHandedOut(string Kind, int Count);

/// <summary>What an activity was, as logged or as corrected; validated before it gets here.</summary>
public sealed record ActivityDetails(
    Guid DistrictPlanId,
    string PlanLineCode,
    string AudienceCode,
    CommunicationForm Form,
    string? CommuneId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int PeopleReached,
    string Summary,
    IReadOnlyList<string> TeamMembers,
    IReadOnlyList<Guid> PartnerIds,
    IReadOnlyList<MaterialHandedOut> Materials,
    ConferenceDetails? Conference,
    PostDetails? Post,
    CampaignDetails? Campaign);

/// <summary>An officer or collection agent logged a communication activity against a district plan line.</summary>
public sealed record ActivityLogged(Guid ActivityId, ActivityDetails Details);

/// <summary>A logged activity was corrected; <paramref name="Details"/> replace what was logged before.</summary>
public sealed record ActivityCorrected(Guid ActivityId, ActivityDetails Details, string Reason);

/// <summary>A logged activity was voided: it no longer counts, and it can no longer be corrected.</summary>
public sealed record ActivityVoided(Guid ActivityId, string Reason);

/// <summary>One communication activity, as logged and later corrected or voided. Never edited in place.</summary>
public sealed record Activity(Guid Id, ActivityDetails Details, int Corrections, bool Voided, string? VoidReason, long Version)
{
    /// <summary>Office hours are Monday to Friday, 07:00 to 17:00 in Vietnam; the plan allows work outside them.</summary>
    public static readonly TimeOnly OfficeOpens = new(7, 0);

    public static readonly TimeOnly OfficeCloses = new(17, 0);

    /// <summary>
    /// The start as an instant in UTC: the order of the activity log, kept in a column of its own
    /// (see <see cref="Configuration"/>). The details keep the time as the officer gave it.
    /// </summary>
    public DateTimeOffset StartedAtUtc => Details.StartedAt.ToUniversalTime();

    /// <summary>The activity ran, at least in part, in the evening, at night or at the weekend (allowed, flagged).</summary>
    public bool OutsideOfficeHours => IsOutsideOfficeHours(Details.StartedAt, Details.EndedAt);

    public static bool IsOutsideOfficeHours(DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var start = startedAt.ToOffset(Common.Formats.VietnamOffset);
        var end = endedAt.ToOffset(Common.Formats.VietnamOffset);
        return start.Date != end.Date
            || start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            || TimeOnly.FromDateTime(start.DateTime) < OfficeOpens
            || TimeOnly.FromDateTime(end.DateTime) > OfficeCloses;
    }

    public static Activity Create(ActivityLogged logged) => new(logged.ActivityId, logged.Details, 0, false, null, 1);

    public Activity Apply(ActivityCorrected corrected) =>
        this with { Details = corrected.Details, Corrections = Corrections + 1, Version = Version + 1 };

    public Activity Apply(ActivityVoided voided) =>
        this with { Voided = true, VoidReason = voided.Reason, Version = Version + 1 };
}
