using System.Globalization;
using BhxhPlatform.Portal.ServiceClients;
using Microsoft.Extensions.Localization;

namespace BhxhPlatform.Portal.Components.Pages.Partnerships;

/// <summary>Names of the Partners service's codes (partner types and statuses, agreement kinds and statuses) from <see cref="PartnershipsText"/>.</summary>
public static class PartnerLabels
{
    /// <summary>The office's "expiring soon": agreements in force that end within this many days.</summary>
    public const int ExpiringWithinDays = 30;

    public static string Type(this IStringLocalizer text, PartnerType type) => text["Type_" + type].Value;

    public static string Status(this IStringLocalizer text, PartnerStatus status) => text["PartnerStatus_" + status].Value;

    public static string StatusChange(this IStringLocalizer text, PartnerStatusChange change) => text["StatusChange_" + change].Value;

    public static string Kind(this IStringLocalizer text, AgreementKind kind) => text["Kind_" + kind].Value;

    public static string Kind(this IStringLocalizer text, string kind) =>
        Enum.TryParse<AgreementKind>(kind, out var k) ? text.Kind(k) : kind;

    public static string Status(this IStringLocalizer text, AgreementStatus status) => text["AgreementStatus_" + status].Value;

    /// <summary>The names of the parties, in the order the agreement lists them (an unknown id as itself).</summary>
    public static string Parties(IEnumerable<Guid> ids, IReadOnlyList<PartnerView> partners) =>
        string.Join(", ", ids.Select(id => partners.FirstOrDefault(p => p.Id == id)?.Name ?? id.ToString()));

    /// <summary>A commune's name from the district's list, or its id when the list lacks it.</summary>
    public static string Commune(string? communeId, IReadOnlyList<CommuneView> communes) =>
        communeId is null ? string.Empty : communes.FirstOrDefault(c => c.Id == communeId)?.Name ?? communeId;

    /// <summary>An HTML date input's value (yyyy-MM-dd) as a day, or none when empty or unreadable (the service then names the field).</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A day as an HTML date input's value.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
