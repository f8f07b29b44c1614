using System.Globalization;
using System.Net.Http.Headers;

namespace BhxhPlatform.Portal.Components.Pages.Reports;

/// <summary>The name a downloaded report is saved under: Planning's own, when it sends one of the right kind.</summary>
public static class ReportFile
{
    /// <summary>
    /// Planning's file name from its Content-Disposition (the RFC 5987 <c>filename*</c> first), without any folder
    /// part; when there is none, or it is not a file of <paramref name="format"/>, the name Planning gives its reports
    /// (<see cref="Fallback"/>).
    /// </summary>
    public static string Name(ContentDispositionHeaderValue? disposition, ReportQuery query, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(format);
        var given = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim().Trim('"').Replace('\\', '/');
        var name = given is null ? null : Path.GetFileName(given);
        return !string.IsNullOrWhiteSpace(name) && name.EndsWith("." + format.Extension, StringComparison.OrdinalIgnoreCase) && name.Length > format.Extension.Length + 1
            ? name
            : Fallback(query, format);
    }

    /// <summary>bao-cao-ket-qua-{unit}-{year}-{period}.{extension}, letters, digits and dashes only.</summary>
    public static string Fallback(ReportQuery query, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(format);
        return $"bao-cao-ket-qua-{Safe(query.Unit)}-{query.Year.ToString(CultureInfo.InvariantCulture)}-{Safe(query.Period)}.{format.Extension}";
    }

    private static string Safe(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
}
