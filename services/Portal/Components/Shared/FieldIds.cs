namespace BhxhPlatform.Portal.Components.Shared;

/// <summary>The HTML id of the input for a field of a service's JSON (<c>conference.attendance</c> → <c>f-conference-attendance</c>), so that a problem links to its input.</summary>
public static class FieldIds
{
    public static string For(string field) =>
        "f-" + string.Concat((field ?? string.Empty).Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-').Replace("--", "-", StringComparison.Ordinal);

    public static string ErrorFor(string field) => For(field) + "-error";
}
