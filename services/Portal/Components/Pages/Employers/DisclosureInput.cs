using System.Globalization;
using BhxhPlatform.Portal.Components.Pages.Partnerships;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Employers;

/// <summary>What the officer types to name an employer publicly; an unreadable amount, count or date goes as none (0, the default day), which Outreach names.</summary>
public sealed class DisclosureInput
{
    public string? EmployerName { get; set; }

    public string? TaxCode { get; set; }

    public string? AmountOwedVnd { get; set; }

    public string? MonthsOverdue { get; set; }

    public MediaPlatform? Channel { get; set; }

    public string? Link { get; set; }

    public string? PublishedOn { get; set; }

    public DiscloseEmployerRequest ToRequest() => new(
        EmployerName?.Trim() ?? string.Empty,
        TaxCode?.Trim() ?? string.Empty,
        AgreementInput.Money(AmountOwedVnd) is { } amount && amount <= long.MaxValue ? (long)amount : 0,
        int.TryParse(MonthsOverdue, NumberStyles.None, CultureInfo.InvariantCulture, out var months) ? months : 0,
        Channel,
        Link?.Trim() ?? string.Empty,
        PartnerLabels.Day(PublishedOn) ?? default);
}
