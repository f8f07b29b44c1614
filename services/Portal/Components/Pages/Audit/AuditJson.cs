using System.Text.Encodings.Web;
using System.Text.Json;
using BhxhPlatform.ServiceDefaults.Audit;

namespace BhxhPlatform.Portal.Components.Pages.Audit;

/// <summary>Data as the auditor's pages show it: sealed personal values masked, indented, Vietnamese letters as they are.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented, for a state or a read model.</summary>
    public static string Shown(JsonElement data) => JsonSerializer.Serialize(Timeline.Mask(data), Indented);

    /// <summary>On one line, for an event's data in a table.</summary>
    public static string Compact(JsonElement data) => JsonSerializer.Serialize(Timeline.Mask(data), OneLine);
}
