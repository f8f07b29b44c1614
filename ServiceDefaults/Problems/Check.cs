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

        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            Add(field, "not-nfc", $"{labelVi} không ở dạng Unicode NFC (dấu tiếng Việt phải dựng sẵn).",
                $"{labelEn} is not in Unicode NFC form (Vietnamese diacritics must be precomposed).");
        }

        return this;
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
