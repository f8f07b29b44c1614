namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// The one rule every CSV and spreadsheet export applies to text cells (OWASP "CSV injection"): a
/// spreadsheet reads a cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return as a formula, so such text is prefixed with a single quote and shown as written. Numbers
/// written as numeric cells never pass through here, so a negative number stays a number.
/// </summary>
public static class SpreadsheetCell
{
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
