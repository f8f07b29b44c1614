using System.Globalization;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Localization;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Activities;

/// <summary>
/// What the person types in the activity form (bound from the HTML form, so every field may be missing or
/// half-typed). The plan line supplies plan, line, audience and form; <see cref="ToRequest"/> builds the body Outreach expects.
/// </summary>
public sealed class ActivityInput
{
    public string? CommuneId { get; set; }

    /// <summary>yyyy-MM-dd (input type=date).</summary>
    public string? Date { get; set; }

    /// <summary>HH:mm (input type=time), local time in Vietnam.</summary>
    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public int? PeopleReached { get; set; }

    public string? Summary { get; set; }

    public List<string?> TeamMembers { get; set; } = [];

    public List<PartnerChoice> Partners { get; set => field = value ?? []; } = [];

    public List<MaterialInput> Materials { get; set => field = value ?? []; } = [];

    public int? Attendance { get; set; }

    public bool? VideoClipShown { get; set; }

    public bool? GovernmentRepresentativeInvited { get; set; }

    public bool? BeneficiaryTestified { get; set; }

    public bool? EthnicLanguageSpeaker { get; set; }

    public MediaPlatform? Platform { get; set; }

    public string? Link { get; set; }

    public long? Reach { get; set; }

    public long? Interactions { get; set; }

    public long? Shares { get; set; }

    public CampaignChannel? Channel { get; set; }

    public int? ContactsAttempted { get; set; }

    public int? ContactsReached { get; set; }

    /// <summary>Why the activity is corrected (corrections only).</summary>
    public string? Reason { get; set; }

    /// <summary>The version of the activity the correction was made on (corrections only).</summary>
    public long Version { get; set; }

    /// <summary>Empty slots up to the form's size, and one choice per known partner, keeping what was bound.</summary>
    public ActivityInput Complete(IReadOnlyList<KnownPartnerView> partners)
    {
        ArgumentNullException.ThrowIfNull(partners);
        // A posted form without a form's section (no team for a report, no partners known) binds its list as null.
        TeamMembers ??= [];
        Materials ??= [];
        Partners ??= [];
        while (TeamMembers.Count < FormSections.TeamSlots)
        {
            TeamMembers.Add(null);
        }

        while (Materials.Count < FormSections.MaterialSlots)
        {
            Materials.Add(new MaterialInput());
        }

        var chosen = Partners.Where(p => p.Selected).Select(p => p.Id).ToHashSet();
        Partners = partners.Select(p => new PartnerChoice { Id = p.Id, Selected = chosen.Contains(p.Id) }).ToList();
        return this;
    }

    /// <summary>The form filled with an activity as it stands (to correct it).</summary>
    public static ActivityInput From(ActivityView activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var d = activity.Details;
        var start = Display.Local(d.StartedAt);
        var end = Display.Local(d.EndedAt);
        return new ActivityInput
        {
            CommuneId = d.CommuneId,
            Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            EndTime = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            PeopleReached = d.PeopleReached,
            Summary = d.Summary,
            TeamMembers = [.. d.TeamMembers],
            Partners = d.PartnerIds.Select(id => new PartnerChoice { Id = id, Selected = true }).ToList(),
            Materials = d.Materials.Select(m => new MaterialInput { Kind = m.Kind, Count = m.Count }).ToList(),
            Attendance = d.Conference?.Attendance,
            VideoClipShown = d.Conference?.VideoClipShown,
            GovernmentRepresentativeInvited = d.Conference?.GovernmentRepresentativeInvited,
            BeneficiaryTestified = d.Conference?.BeneficiaryTestified,
            EthnicLanguageSpeaker = d.Conference?.EthnicLanguageSpeaker,
            Platform = d.Post?.Platform,
            Link = d.Post?.Link,
            Reach = d.Post?.Reach,
            Interactions = d.Post?.Interactions,
            Shares = d.Post?.Shares,
            Channel = d.Campaign?.Channel,
            ContactsAttempted = d.Campaign?.ContactsAttempted,
            ContactsReached = d.Campaign?.ContactsReached,
            Version = activity.Version,
        };
    }

    /// <summary>
    /// The body for Outreach, with only the parts <paramref name="form"/> has; null with the field errors when the
    /// date or a time cannot be read (everything else the service checks, and its problems are shown as they come).
    /// </summary>
    public (LogActivityRequest? Request, IReadOnlyList<FieldError> Errors) ToRequest(
        Guid planId, string lineCode, string audienceCode, CommunicationForm form, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<FieldError>();
        void Error(string field, string code, string key) => errors.Add(new FieldError(field, code, text(key), text(key)));

        var day = default(DateOnly);
        var start = default(TimeOnly);
        var end = default(TimeOnly);
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            Error("startedAt", string.IsNullOrWhiteSpace(Date) ? "required" : "invalid-date", "DateRequired");
        }

        if (!TimeOnly.TryParseExact(StartTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            Error("startedAt", "invalid-time", "StartTimeRequired");
        }

        if (!TimeOnly.TryParseExact(EndTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            Error("endedAt", "invalid-time", "EndTimeRequired");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var sections = FormSections.For(form);
        var conference = sections.Conference
            ? new ConferenceDetails(Attendance ?? 0, VideoClipShown, GovernmentRepresentativeInvited, BeneficiaryTestified,
                audienceCode == FormSections.EthnicMinorityAudience ? EthnicLanguageSpeaker : null)
            : null;
        var post = sections.Post ? new PostDetails(Platform, Link?.Trim(), Reach ?? 0, Interactions, Shares) : null;
        var campaign = sections.Campaign ? new CampaignDetails(Channel, ContactsAttempted ?? 0, ContactsReached ?? 0) : null;
        var people = form switch
        {
            CommunicationForm.Conference => conference!.Attendance,
            CommunicationForm.MassMedia => (int)Math.Min(post!.Reach, int.MaxValue),
            CommunicationForm.SmsPhone => campaign!.ContactsReached,
            _ => PeopleReached ?? 0,
        };

        return (new LogActivityRequest(
            planId,
            lineCode,
            audienceCode,
            form,
            sections.Commune && !string.IsNullOrWhiteSpace(CommuneId) ? CommuneId : null,
            Display.Instant(day, start),
            Display.Instant(day, end),
            people,
            Summary?.Trim() ?? string.Empty,
            sections.Team ? TeamMembers.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!.Trim()).ToList() : [],
            sections.Partners ? Partners.Where(p => p.Selected).Select(p => p.Id).ToList() : [],
            sections.Materials
                ? Materials.Where(m => !string.IsNullOrWhiteSpace(m.Kind) || m.Count is not null).Select(m => new MaterialHandedOut(m.Kind?.Trim() ?? string.Empty, m.Count ?? 0)).ToList()
                : [],
            conference,
            post,
            campaign), errors);
    }
}

public sealed class PartnerChoice
{
    public Guid Id { get; set; }

    public bool Selected { get; set; }
}

public sealed class MaterialInput
{
    public string? Kind { get; set; }

    public int? Count { get; set; }
}
