using System.Globalization;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Partnerships;

/// <summary>
/// What the officer fills in to draft an agreement: parties and plan lines are ticked from lists (the unit's active partners,
/// the lines of its plan), never typed; the lines give the audiences the scope names.
/// </summary>
/// <remarks>
/// A list the form posts no entry of (a unit without a plan has no lines to tick) comes back from Blazor's form binding
/// as null; each list setter keeps it empty instead, as in the other inputs.
/// </remarks>
public sealed class AgreementInput
{
    public AgreementKind? Kind { get; set; }

    public string? Title { get; set; }

    public List<Choice> Parties { get; set => field = value ?? []; } = [];

    public List<Choice> Lines { get; set => field = value ?? []; } = [];

    public List<Choice> Forms { get; set => field = value ?? []; } = [];

    public string? ActivitiesPerYear { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? ValueVnd { get; set; }

    /// <summary>One choice per active partner, plan line and form of communication, keeping what was ticked (and <paramref name="party"/> when first shown).</summary>
    public AgreementInput Complete(IReadOnlyList<PartnerView> partners, IReadOnlyList<PlanLineView> lines, Guid? party = null)
    {
        var parties = Parties.Where(c => c.Selected).Select(c => c.Key).ToHashSet();
        if (party is { } p && Parties.Count == 0)
        {
            parties.Add(p.ToString());
        }

        Parties = [.. partners.Where(x => x.Status == PartnerStatus.Active).Select(x => new Choice { Key = x.Id.ToString(), Selected = parties.Contains(x.Id.ToString()) })];
        var chosenLines = Lines.Where(c => c.Selected).Select(c => c.Key).ToHashSet();
        Lines = [.. lines.Select(l => new Choice { Key = l.Code, Selected = chosenLines.Contains(l.Code) })];
        var chosenForms = Forms.Where(c => c.Selected).Select(c => c.Key).ToHashSet();
        Forms = [.. Enum.GetNames<CommunicationForm>().Select(f => new Choice { Key = f, Selected = chosenForms.Contains(f) })];
        return this;
    }

    /// <summary>The body Partners expects; an unreadable number or date is sent as none, so that the service names the field.</summary>
    public DraftAgreementRequest ToRequest(IReadOnlyList<PlanLineView> lines)
    {
        var codes = Lines.Where(c => c.Selected).Select(c => c.Key).ToList();
        var audiences = lines.Where(l => codes.Contains(l.Code)).Select(l => l.AudienceCode).Distinct().ToList();
        return new DraftAgreementRequest(
            Kind,
            Title?.Trim() ?? string.Empty,
            [.. Parties.Where(c => c.Selected).Select(c => Guid.TryParse(c.Key, out var id) ? id : Guid.Empty)],
            audiences,
            [.. Forms.Where(c => c.Selected).Select(c => Enum.TryParse<CommunicationForm>(c.Key, out var form) ? form : (CommunicationForm?)null).OfType<CommunicationForm>()],
            codes,
            int.TryParse(ActivitiesPerYear, NumberStyles.None, CultureInfo.InvariantCulture, out var perYear) ? perYear : null,
            PartnerLabels.Day(StartsOn),
            PartnerLabels.Day(EndsOn),
            Money(ValueVnd));
    }

    /// <summary>Whole dong, written with or without vi-VN thousands separators (1.500.000).</summary>
    public static decimal? Money(string? value) =>
        decimal.TryParse(value?.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal),
            NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    /// <summary>A ticked or unticked item of a list, by its key (an id or a code).</summary>
    public sealed class Choice
    {
        public string Key { get; set; } = string.Empty;

        public bool Selected { get; set; }
    }
}
