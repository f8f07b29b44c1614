using System.Text.Encodings.Web;
using System.Text.Json;
using BhxhPlatform.ServiceDefaults.Audit;

namespace BhxhPlatform.Portal.Components.Pages.Audit;

/// <summary>Data as the auditor's pages show it: sealed personal values masked, indented, Vietnamese letters as they are.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Shown(JsonElement data) => JsonSerializer.Serialize(Timeline.Mask(data), Indented);
}
