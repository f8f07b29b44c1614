using BhxhPlatform.Portal.ServiceClients;
using Microsoft.Extensions.Localization;

namespace BhxhPlatform.Portal.Components.Pages.Prospects;

/// <summary>Names of Outreach's codes (schemes, consent methods, stages, outcomes) from a group's texts (ProspectsText or CollectionText, same keys).</summary>
public static class ProspectLabels
{
    public static string Scheme(this IStringLocalizer text, TargetScheme scheme) => text["Scheme_" + scheme].Value;

    public static string Consent(this IStringLocalizer text, ConsentMethod method) => text["Consent_" + method].Value;

    public static string Stage(this IStringLocalizer text, ProspectStatus status) => text["Status_" + status].Value;

    public static string Outcome(this IStringLocalizer text, ProspectOutcome outcome) => text["Outcome_" + outcome].Value;

    public static string Enrolment(this IStringLocalizer text, EnrolmentScheme scheme) => text["EnrolmentScheme_" + scheme].Value;

    /// <summary>The prospect's name as the service gave it (masked for an auditor), or a note once erased.</summary>
    public static string Person(this IStringLocalizer text, ProspectView prospect) =>
        prospect.Erased || prospect.FullName is null ? text["Erased"].Value : prospect.FullName;

    /// <summary>Phone, Zalo, e-mail and address as the service gave them, joined.</summary>
    public static string Contact(ProspectView prospect) =>
        prospect.Contact is not { } c ? string.Empty
            : string.Join(" · ", new[] { c.Phone, c.Zalo is { } z ? "Zalo " + z : null, c.Email, c.Address }.Where(v => !string.IsNullOrWhiteSpace(v)));

    /// <summary>The board's columns: every stage in pipeline order, each with its prospects (oldest first).</summary>
    public static IReadOnlyList<(ProspectStatus Stage, IReadOnlyList<ProspectView> Prospects)> ByStage(IEnumerable<ProspectView> prospects)
    {
        var all = prospects.ToList();
        return [.. Enum.GetValues<ProspectStatus>().Select(s => (s, (IReadOnlyList<ProspectView>)[.. all.Where(p => p.Status == s).OrderBy(p => p.ConsentRecordedAt)]))];
    }
}
