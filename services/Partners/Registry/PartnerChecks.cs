using System.Text.RegularExpressions;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Rules shared by the registry's commands.</summary>
public static partial class PartnerChecks
{
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\A(\+84|0)\d{9,10}\z")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\A[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex EmailPattern();

    public static Check Details(this Check check, string? name, PartnerType? type, string? communeId, string unit)
    {
        check.Text("name", name, "Tên đơn vị", "Name", maxLength: 300)
            .That(type is not null, "type", "required", "Loại đơn vị không được để trống.", "Type is required.")
            .That(type is null || Enum.IsDefined(type.Value), "type", "unknown-type", "Loại đơn vị không hợp lệ.", "Unknown type.");
        if (!string.IsNullOrEmpty(communeId))
        {
            check.That(IsCommuneOf(communeId, unit), "communeId", "not-in-district", "Xã, phường không thuộc đơn vị này (dạng đơn-vị.xã).",
                "The commune is not one of this unit's (form unit.commune).");
        }

        return check;
    }

    public static Check Contact(this Check check, string? name, string? role, string? phone, string? email)
    {
        check.Text("name", name, "Họ tên người liên hệ", "Contact name", maxLength: 200)
            .Text("role", role, "Chức vụ", "Role", maxLength: 200, required: false)
            .That(!string.IsNullOrWhiteSpace(phone) || !string.IsNullOrWhiteSpace(email), "phone", "phone-or-email",
                "Cần số điện thoại hoặc thư điện tử.", "A phone number or an email is required.");
        check.Phone("phone", phone);

        if (!string.IsNullOrWhiteSpace(email))
        {
            check.That(email.Length <= 254 && EmailPattern().IsMatch(email), "email", "invalid-email",
                "Thư điện tử không hợp lệ.", "The email is not valid.");
        }

        return check;
    }

    /// <summary>An optional Vietnamese phone number (e.g. 0912345678 or +84912345678).</summary>
    public static Check Phone(this Check check, string field, string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? check : check.That(PhonePattern().IsMatch(phone), field, "invalid-phone",
            "Số điện thoại không hợp lệ (ví dụ 0912345678).", "The phone number is not valid (e.g. 0912345678).");

    /// <summary>A commune of the district <paramref name="unit"/>: <c>unit.commune-slug</c>.</summary>
    public static bool IsCommuneOf(string? communeId, string unit)
    {
        var prefix = unit + ".";
        return communeId is not null && communeId.Length <= 100 && communeId.StartsWith(prefix, StringComparison.Ordinal)
            && SlugPattern().IsMatch(communeId[prefix.Length..]);
    }

    public static Check Reason(this Check check, string? reason) =>
        check.Text("reason", reason, "Lý do", "Reason", maxLength: 1000);

    /// <summary>A dissolved organisation's record is closed.</summary>
    public static ProblemDetails NotDissolved(Partner partner) =>
        partner.Status == PartnerStatus.Dissolved
            ? ProblemResults.Conflict("partner-dissolved", "Đơn vị đã giải thể; hồ sơ không thay đổi được nữa.",
                "The organisation is dissolved; its record can no longer change.")
            : WolverineContinue.NoProblems;

    /// <summary>Runs the field checks, then the state rule when the fields are fine.</summary>
    public static ProblemDetails Then(this ProblemDetails fields, Func<ProblemDetails> state) =>
        fields == WolverineContinue.NoProblems ? state() : fields;
}
