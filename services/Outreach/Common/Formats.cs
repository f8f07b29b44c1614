using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BhxhPlatform.ServiceDefaults.Problems;

namespace BhxhPlatform.Outreach.Common;

/// <summary>Formats Outreach validates: Vietnamese phone numbers, e-mail, citizen ids, tax codes, links.</summary>
public static partial class Formats
{
    /// <summary>Vietnam is UTC+7 all year; days and office hours are counted in local time.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    /// <summary>A mobile or landline number: 0 and 9 more digits, or +84 and the 9 digits without the leading 0.</summary>
    public static bool IsVietnamesePhone(string value) => PhonePattern().IsMatch(Compact(value));

    /// <summary>
    /// The phone in its national form (0xxxxxxxxx), so 0912…, " 0912 345 678" and +84912… are the same
    /// number. The one normaliser: what is stored and what the duplicate claim hashes both come from here.
    /// A line break or other control character is not removed, so such a value stays invalid and is refused.
    /// </summary>
    public static string NormalisePhone(string value)
    {
        var compact = Compact(value);
        return compact.StartsWith("+84", StringComparison.Ordinal) ? "0" + compact[3..] : compact;
    }

    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    /// <summary>A citizen identity number (căn cước công dân): 12 digits.</summary>
    public static bool IsCitizenId(string value) => CitizenIdPattern().IsMatch(value);

    /// <summary>A tax code (mã số thuế): 10 digits, or 10 digits, a dash and a 3-digit branch.</summary>
    public static bool IsTaxCode(string value) => TaxCodePattern().IsMatch(value);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>An absolute http(s) link, at most 2000 characters.</summary>
    public static Check Link(this Check check, string field, string? value, string labelVi, string labelEn, bool required = true)
    {
        check.Text(field, value, labelVi, labelEn, maxLength: 2000, required);
        return string.IsNullOrWhiteSpace(value) || IsHttpUrl(value.Trim())
            ? check
            : check.Add(field, "not-a-link", $"{labelVi} phải là địa chỉ http hoặc https đầy đủ.", $"{labelEn} must be an absolute http or https URL.");
    }

    /// <summary>A stable key derived from text, for ids that must be the same each time the same thing arrives.</summary>
    public static Guid DeterministicGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string Compact(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal)
        .Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    // \A and \z, not ^ and $: $ also matches before a final line break, which let "0912345678\n" through.
    [GeneratedRegex(@"\A(0|\+84)[1-9][0-9]{8}\z")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\A[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\A[0-9]{12}\z")]
    private static partial Regex CitizenIdPattern();

    [GeneratedRegex(@"\A[0-9]{10}(-[0-9]{3})?\z")]
    private static partial Regex TaxCodePattern();
}
