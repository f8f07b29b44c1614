namespace BhxhPlatform.ServiceDefaults.PersonalData;

/// <summary>
/// Personal data as an auditor sees it: enough to tell records apart and check a count, never
/// enough to reach the person. Names keep their initials, numbers their last three digits, an
/// e-mail its domain; an address is withheld (<see cref="Hidden"/>).
/// </summary>
public static class PersonalDataMask
{
    public const string Hidden = "•••";

    /// <summary>"Nguyễn Văn An" → "N. V. A.".</summary>
    public static string? Name(string? name) =>
        name is null ? null : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"{w[0]}."));

    /// <summary>"0912345678" → "•••678".</summary>
    public static string? Digits(string? value) =>
        value is null ? null : value.Length <= 3 ? Hidden : Hidden + value[^3..];

    /// <summary>"lan.nguyen@example.vn" → "•••@example.vn".</summary>
    public static string? Email(string? value) =>
        value is null ? null : value.LastIndexOf('@') is var at and > 0 ? Hidden + value[at..] : Hidden;
}
