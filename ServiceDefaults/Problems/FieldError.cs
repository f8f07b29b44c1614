namespace BhxhPlatform.ServiceDefaults.Problems;

/// <summary>
/// One rejected field of a request: a machine-readable code and the message in Vietnamese
/// and in English, for the officer who reads it and the developer who integrates.
/// </summary>
/// <param name="Field">The JSON path of the field, camelCase (e.g. <c>lines[2].targetCount</c>).</param>
/// <param name="Code">A stable code (e.g. <c>required</c>, <c>too-long</c>, <c>out-of-range</c>).</param>
/// <param name="Vi">The message in Vietnamese.</param>
/// <param name="En">The message in English.</param>
public sealed record FieldError(string Field, string Code, string Vi, string En)
{
    public override string ToString() => $"{Vi} / {En}";
}
