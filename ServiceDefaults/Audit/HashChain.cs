using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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
        // The hash covers the UTF-8 of the facts joined by newlines, the data in canonical form.
        // Written straight into one buffer, not joined into a string first: the listener hashes
        // every appended event, so the garbage of the string form was paid on every command.
        var buffer = new ArrayBufferWriter<byte>(facts.Data.Length + 512);
        AppendLine(buffer, previousHash);
        AppendLine(buffer, facts.TenantId);
        AppendLine(buffer, facts.StreamId.ToString("D"));
        AppendLine(buffer, facts.Version.ToString(CultureInfo.InvariantCulture));
        AppendLine(buffer, facts.EventType);
        WriteCanonical(buffer, facts.Data);
        buffer.Write("\n"u8);
        AppendLine(buffer, facts.UserName ?? string.Empty);
        AppendLine(buffer, facts.CorrelationId ?? string.Empty);
        Encoding.UTF8.GetBytes(facts.CausationId ?? string.Empty, buffer);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void AppendLine(ArrayBufferWriter<byte> buffer, string text)
    {
        Encoding.UTF8.GetBytes(text, buffer);
        buffer.Write("\n"u8);
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
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        WriteCanonical(buffer, json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly JsonWriterOptions CanonicalWriting = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <remarks>
    /// The writer's output is always valid UTF-8: text that is not (a lone surrogate escaped in the
    /// JSON) makes the writer throw, as parsing it into nodes always did.
    /// </remarks>
    private static void WriteCanonical(ArrayBufferWriter<byte> buffer, string json)
    {
        using var document = JsonDocument.Parse(json);
        using var writer = new Utf8JsonWriter(buffer, CanonicalWriting);
        Write(writer, document.RootElement);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = new List<(string Name, JsonElement Value)>();
                foreach (var property in element.EnumerateObject())
                {
                    properties.Add((property.Name, property.Value));
                }

                properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                foreach (var (name, value) in properties)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number when element.TryGetDecimal(out var number):
                // jsonb keeps a number's digits but not its exponent form; compare by value.
                writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
