using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>
/// Tamper evidence: every event carries, in its headers, the SHA-256 of its own facts chained to
/// the hash of the previous event of its stream. Changing any stored fact, or deleting or
/// inserting a row, breaks the chain from that point on.
/// </summary>
public static class HashChain
{
    public const string HashHeader = "bhxh-hash";
    public const string PreviousHeader = "bhxh-previous";

    /// <summary>The "previous hash" of the first event of every stream.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The facts of one event that the hash covers, in the form they are stored.</summary>
    public sealed record Facts(
        string TenantId,
        Guid StreamId,
        long Version,
        string EventType,
        string Data,
        string? UserName,
        string? CorrelationId,
        string? CausationId);

    public static string Compute(string previousHash, Facts facts)
    {
        var text = string.Join('\n',
            previousHash,
            facts.TenantId,
            facts.StreamId.ToString("D"),
            facts.Version.ToString(CultureInfo.InvariantCulture),
            facts.EventType,
            Canonical(facts.Data),
            facts.UserName ?? string.Empty,
            facts.CorrelationId ?? string.Empty,
            facts.CausationId ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The unit's running chain: each event's own hash folded, in sequence order, into the head
    /// before it. Deleting a whole stream, or rows of several, changes every head after them.
    /// </summary>
    public static string NextTenantHead(string head, string? eventHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(head + (eventHash ?? string.Empty))));

    /// <summary>
    /// JSON in one canonical form (object keys sorted, no insignificant whitespace, strings
    /// unescaped where JSON allows), so the serializer's output at append time and PostgreSQL's
    /// jsonb text at verification hash the same.
    /// </summary>
    public static string Canonical(string json)
    {
        var node = JsonNode.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                var element = node.GetValue<JsonElement>();
                if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number))
                {
                    // jsonb keeps a number's digits but not its exponent form; compare by value.
                    writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
        }
    }
}
