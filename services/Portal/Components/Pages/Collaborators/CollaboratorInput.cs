using BhxhPlatform.Portal.Components.Pages.Partnerships;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Collaborators;

/// <summary>What the officer fills in to enlist a collaborator or a collection agent; communes are ticked from the district's list.</summary>
public sealed class CollaboratorInput
{
    public string? Name { get; set; }

    public CollaboratorKind? Kind { get; set; }

    public Guid? OrganisationId { get; set; }

    public string? Phone { get; set; }

    public string? EnlistedOn { get; set; }

    public List<AgreementInput.Choice> Communes { get; set; } = [];

    /// <summary>One choice per commune of the district, keeping those ticked.</summary>
    public CollaboratorInput Complete(IReadOnlyList<CommuneView> communes)
    {
        var chosen = Communes.Where(c => c.Selected).Select(c => c.Key).ToHashSet();
        Communes = [.. communes.Select(c => new AgreementInput.Choice { Key = c.Id, Selected = chosen.Contains(c.Id) })];
        return this;
    }

    public EnlistCollaboratorRequest ToRequest() => new(
        Name?.Trim() ?? string.Empty, Kind, OrganisationId, PartnerLabels.Text(Phone), PartnerLabels.Day(EnlistedOn),
        [.. Communes.Where(c => c.Selected).Select(c => c.Key)]);
}
