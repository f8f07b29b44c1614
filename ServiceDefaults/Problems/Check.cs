using System.Text;

namespace BhxhPlatform.ServiceDefaults.Problems;

/// <summary>
/// Collects field errors for one request, with the messages in Vietnamese and English.
/// Each rule takes the field's JSON name and its Vietnamese and English labels.
/// </summary>
public sealed class Check
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyCollection<FieldError> Errors => _errors;

    public bool IsValid => _errors.Count == 0;

    public Check Add(string field, string code, string vi, string en) => Add(new FieldError(field, code, vi, en));

    /// <summary>An error already made (for example by <c>CommandIds</c>).</summary>
    public Check Add(FieldError error)
    {
        _errors.Add(error);
        return this;
    }

    /// <summary>Required text, at most <paramref name="maxLength"/> characters, NFC, no control characters.</summary>
    public Check Text(string field, string? value, string labelVi, string labelEn, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required
                ? Add(field, "required", $"{labelVi} không được để trống.", $"{labelEn} is required.")
                : this;
        }

        if (value.Length > maxLength)
        {
            Add(field, "too-long", $"{labelVi} dài quá {maxLength} ký tự.", $"{labelEn} is longer than {maxLength} characters.");
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Add(field, "control-characters", $"{labelVi} chứa ký tự điều khiển.", $"{labelEn} contains control characters.");
        }

        if (value.Any(IsBidirectionalControl))
        {
            Add(field, "bidi-control", $"{labelVi} chứa ký tự đảo chiều văn bản (bidi).",
                $"{labelEn} contains bidirectional-text control characters.");
        }

        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            Add(field, "not-nfc", $"{labelVi} không ở dạng Unicode NFC (dấu tiếng Việt phải dựng sẵn).",
                $"{labelEn} is not in Unicode NFC form (Vietnamese diacritics must be precomposed).");
        }

        return this;
    }

    /// <summary>
    /// Characters that reorder how text is shown without being seen themselves (Trojan Source, CVE-2021-42574):
    /// the embeddings, overrides and isolates, the directional marks, and the Arabic letter mark.
    /// Vietnamese text never needs them.
    /// </summary>
    public static bool IsBidirectionalControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The largest count of people (or contacts, posts' reach) one record may carry: more than Vietnam's population.</summary>
    public const long MaxPeople = 200_000_000;

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The first and last day any date the platform is asked about may fall on.</summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    public static readonly DateOnly LatestDay = new(2100, 12, 31);

    /// <summary>A count: not negative, at most <paramref name="max"/>.</summary>
    public Check Count(string field, long value, string labelVi, string labelEn, long max = MaxPeople)
    {
        if (value < 0)
        {
            return Add(field, "negative", $"{labelVi} không được âm.", $"{labelEn} must not be negative.");
        }

        return value > max
            ? Add(field, "too-large", string.Create(Vietnamese, $"{labelVi} không được lớn hơn {max:N0}."),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{labelEn} must not be above {max:N0}."))
            : this;
    }

    /// <summary>A day between <see cref="EarliestDay"/> and <see cref="LatestDay"/>, when one is given.</summary>
    public Check Day(string field, DateOnly? value, string labelVi, string labelEn) =>
        value is { } day && (day < EarliestDay || day > LatestDay)
            ? Add(field, "out-of-range", $"{labelVi} phải từ 01/01/{EarliestDay.Year} đến 31/12/{LatestDay.Year}.",
                $"{labelEn} must be between {EarliestDay:yyyy-MM-dd} and {LatestDay:yyyy-MM-dd}.")
            : this;

    /// <summary>A point in time whose day (in any time zone) lies between <see cref="EarliestDay"/> and <see cref="LatestDay"/>.</summary>
    public Check Instant(string field, DateTimeOffset? value, string labelVi, string labelEn) =>
        Day(field, value is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null, labelVi, labelEn);

    /// <summary>A range of days given as <c>from</c> and <c>to</c> query parameters: each in bounds, the end not before the start.</summary>
    public Check Days(DateOnly? from, DateOnly? to)
    {
        Day("from", from, "Ngày bắt đầu (from)", "The first day (from)").Day("to", to, "Ngày kết thúc (to)", "The last day (to)");
        return from is { } f && to is { } t && t < f
            ? Add("to", "before-from", "Ngày kết thúc phải từ ngày bắt đầu trở đi.", "The last day (to) must not be before the first (from).")
            : this;
    }

    /// <summary>A time range given as <c>from</c> and <c>to</c> query parameters: each in bounds, the end after the start.</summary>
    public Check Period(DateTimeOffset? from, DateTimeOffset? to)
    {
        Instant("from", from, "Thời điểm bắt đầu (from)", "The start (from)").Instant("to", to, "Thời điểm kết thúc (to)", "The end (to)");
        return from is { } f && to is { } t && t <= f
            ? Add("to", "before-from", "Thời điểm kết thúc phải sau thời điểm bắt đầu.", "The end (to) must be after the start (from).")
            : this;
    }

    public Check Range(string field, long value, long min, long max, string labelVi, string labelEn)
    {
        if (value < min || value > max)
        {
            Add(field, "out-of-range", $"{labelVi} phải từ {min} đến {max}.", $"{labelEn} must be between {min} and {max}.");
        }

        return this;
    }

    public Check NotNegative(string field, long value, string labelVi, string labelEn)
    {
        if (value < 0)
        {
            Add(field, "negative", $"{labelVi} không được âm.", $"{labelEn} must not be negative.");
        }

        return this;
    }

    public Check Required<T>(string field, T? value, string labelVi, string labelEn)
        where T : struct
    {
        if (value is null || EqualityComparer<T>.Default.Equals(value.Value, default))
        {
            Add(field, "required", $"{labelVi} không được để trống.", $"{labelEn} is required.");
        }

        return this;
    }

    public Check That(bool condition, string field, string code, string vi, string en) =>
        condition ? this : Add(field, code, vi, en);

    /// <summary>The Wolverine continuation: carry on when valid, else a 400 problem with every error.</summary>
    public Microsoft.AspNetCore.Mvc.ProblemDetails ToProblem() => ProblemResults.Validation(_errors);
}
