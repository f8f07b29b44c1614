using BhxhPlatform.Contracts;

namespace BhxhPlatform.Portal.Components.Pages.Activities;

/// <summary>
/// Which parts of the activity form a form of communication needs (what Outreach's <c>ActivityRules</c> asks
/// of each): an advisory team for direct advice, the checklist for a conference, the post for mass media,
/// the counts for SMS and calls; a place, materials and partners where people are met in person.
/// </summary>
public sealed record FormSections(bool Team, bool Conference, bool Post, bool Campaign, bool Commune, bool Materials, bool Partners, bool PeopleReached)
{
    /// <summary>The audience of ethnic minorities, religious communities and mountain areas: its conferences need a speaker of the language.</summary>
    public const string EthnicMinorityAudience = "3.9";

    public const int TeamSlots = 4;
    public const int MaterialSlots = 3;

    public static FormSections For(CommunicationForm form) => form switch
    {
        CommunicationForm.DirectContact => new(Team: true, Conference: false, Post: false, Campaign: false, Commune: true, Materials: true, Partners: true, PeopleReached: true),
        // A conference's people reached are its attendance.
        CommunicationForm.Conference => new(false, true, false, false, true, true, true, false),
        // A post's people reached are its reach.
        CommunicationForm.MassMedia => new(false, false, true, false, false, false, true, false),
        // A campaign's people reached are the contacts reached.
        CommunicationForm.SmsPhone => new(false, false, false, true, false, false, false, false),
        _ => new(false, false, false, false, true, true, true, true),
    };
}
