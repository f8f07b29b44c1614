using System.Globalization;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Localization;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Partnerships;

/// <summary>
/// What the officer fills in to draft or amend an agreement: parties and plan lines are ticked from lists (the unit's active partners,
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

    /// <summary>The version of the agreement the amendment was made on (amendments only).</summary>
    public long Version { get; set; }

    /// <summary>What the amendment changes and why (amendments only).</summary>
    public string? Note { get; set; }

    /// <summary>An agreement's current terms, to amend: its parties, plan lines and forms ticked, its commitment and value written as the officer types them.</summary>
    public static AgreementInput From(AgreementView agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new AgreementInput
        {
            Kind = agreement.Kind,
            Title = agreement.Title,
            Parties = [.. agreement.PartnerIds.Select(id => new Choice { Key = id.ToString(), Selected = true })],
            Lines = [.. agreement.Scope.PlanLineCodes.Select(code => new Choice { Key = code, Selected = true })],
            Forms = [.. agreement.Scope.FormKinds.Select(form => new Choice { Key = form.ToString(), Selected = true })],
            ActivitiesPerYear = agreement.Scope.ActivitiesPerYear?.ToString(CultureInfo.InvariantCulture),
            StartsOn = PartnerLabels.Iso(agreement.StartsOn),
            EndsOn = PartnerLabels.Iso(agreement.EndsOn),
            ValueVnd = agreement.ValueVnd is { } value ? Display.Number(value) : null,
            Version = agreement.Version,
        };
    }

    /// <summary>
    /// One choice per active partner, plan line and form of communication, keeping what was ticked (and <paramref name="party"/> when first shown).
    /// A ticked party that is no longer active, or a ticked line the plan no longer has (an agreement being amended), stays in the list,
    /// so that the officer sees it and unticks it rather than losing it unseen.
    /// </summary>
    public AgreementInput Complete(IReadOnlyList<PartnerView> partners, IReadOnlyList<PlanLineView> lines, Guid? party = null)
    {
        var parties = Parties.Where(c => c.Selected).Select(c => c.Key).ToHashSet();
        if (party is { } p && Parties.Count == 0)
        {
            parties.Add(p.ToString());
        }

        Parties =
        [
            .. partners.Where(x => x.Status == PartnerStatus.Active || parties.Contains(x.Id.ToString()))
                .Select(x => new Choice { Key = x.Id.ToString(), Selected = parties.Contains(x.Id.ToString()) }),
            .. parties.Where(key => partners.All(x => x.Id.ToString() != key)).Order(StringComparer.Ordinal).Select(key => new Choice { Key = key, Selected = true }),
        ];
        var chosenLines = Lines.Where(c => c.Selected).Select(c => c.Key).ToList();
        Lines =
        [
            .. lines.Select(l => new Choice { Key = l.Code, Selected = chosenLines.Contains(l.Code) }),
            .. chosenLines.Where(code => lines.All(l => l.Code != code)).Distinct().Select(code => new Choice { Key = code, Selected = true }),
        ];
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

    /// <summary>
    /// The amendment Partners expects: the parties, scope and value as they now stand. The audiences follow the ticked lines of the plan;
    /// an audience of the agreement that no line of the plan names cannot be shown as a line, so the amendment keeps it as it was.
    /// </summary>
    public AmendAgreementRequest ToAmendment(IReadOnlyList<PlanLineView> lines, AgreementView agreement)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(agreement);
        var draft = ToRequest(lines);
        var unseen = agreement.Scope.AudienceCodes.Where(code => lines.All(l => l.AudienceCode != code));
        return new AmendAgreementRequest(
            Version, draft.PartnerIds, [.. draft.AudienceCodes.Concat(unseen).Distinct()], draft.FormKinds, draft.PlanLineCodes,
            draft.ActivitiesPerYear, draft.ValueVnd, Note?.Trim() ?? string.Empty);
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
