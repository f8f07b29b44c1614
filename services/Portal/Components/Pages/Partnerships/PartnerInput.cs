using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Partnerships;

/// <summary>What the officer types to register a partner; a blank commune means the whole district.</summary>
public sealed class PartnerInput
{
    public string? Name { get; set; }

    public PartnerType? Type { get; set; }

    public string? CommuneId { get; set; }

    public RegisterPartnerRequest ToRequest() => new(Name?.Trim() ?? string.Empty, Type, PartnerLabels.Text(CommuneId));
}
