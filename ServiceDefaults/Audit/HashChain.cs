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

    /// <summary>The header naming the chain format of an event ("2"); events without it are version 1.</summary>
    public const string FormatHeader = "bhxh-chain";

    /// <summary>The chain format every new event is written in.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The prefix of the platform's own headers, which the version-2 hash leaves out of the headers it covers.</summary>
    public const string HeaderPrefix = "bhxh-";

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

    /// <summary>
    /// The facts a version-2 hash covers: everything the row of <c>mt_events</c> says about the event except
    /// its sequence number, which PostgreSQL draws inside the append itself (see docs/auditing.md: the
    /// signed checkpoint's unit chain covers every sequence number).
    /// </summary>
    /// <param name="Headers">The event's headers as JSON, the platform's own (<c>bhxh-*</c>) left out; null when it has none.</param>
    public sealed record FactsV2(
        Guid EventId,
        string TenantId,
        Guid StreamId,
        long Version,
        string EventType,
        DateTimeOffset Timestamp,
        string Data,
        string? UserName,
        string? CorrelationId,
        string? CausationId,
        string? Headers);

    /// <summary>The version-1 hash: kept exactly as it was, so events written before version 2 keep verifying.</summary>
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

    /// <summary>
    /// The version-2 hash: SHA-256 over length-prefixed fields (a 4-byte big-endian length, then the
    /// UTF-8 bytes; a length of 0xFFFFFFFF for a missing value), so no value can run into the next one.
    /// </summary>
    public static string ComputeV2(string previousHash, FactsV2 facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var buffer = new ArrayBufferWriter<byte>(facts.Data.Length + 768);
        Field(buffer, "bhxh-chain/2");
        Field(buffer, previousHash);
        Field(buffer, facts.EventId.ToString("D"));
        Field(buffer, facts.TenantId);
        Field(buffer, facts.StreamId.ToString("D"));
        Field(buffer, facts.Version.ToString(CultureInfo.InvariantCulture));
        Field(buffer, facts.EventType);
        Field(buffer, TimestampText(facts.Timestamp));
        Field(buffer, Canonical(facts.Data));
        Field(buffer, facts.UserName);
        Field(buffer, facts.CorrelationId);
        Field(buffer, facts.CausationId);
        Field(buffer, facts.Headers is null ? null : Canonical(facts.Headers));

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The hash of an event in the chain format it was written in (1 or 2): what every verifier calls.</summary>
    public static string ComputeInFormat(int format, string previousHash, FactsV2 facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return format >= 2
            ? ComputeV2(previousHash, facts)
            : Compute(previousHash, new Facts(facts.TenantId, facts.StreamId, facts.Version, facts.EventType, facts.Data,
                facts.UserName, facts.CorrelationId, facts.CausationId));
    }

    /// <summary>A time as the version-2 hash covers it: UTC, to the microsecond (what PostgreSQL keeps).</summary>
    public static string TimestampText(DateTimeOffset timestamp) =>
        ToMicroseconds(timestamp).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time cut to the microsecond, in UTC, so what is hashed is what PostgreSQL stores.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset timestamp)
    {
        var utc = timestamp.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// The headers a version-2 hash covers, as JSON: every header but the platform's own chain headers;
    /// null when none is left.
    /// </summary>
    public static string? CoveredHeaders(string? headersJson)
    {
        if (string.IsNullOrWhiteSpace(headersJson))
        {
            return null;
        }

        using var document = JsonDocument.Parse(headersJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(headersJson.Length);
        var any = false;
        using (var writer = new Utf8JsonWriter(buffer, CanonicalWriting))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith(HeaderPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                any = true;
                writer.WritePropertyName(property.Name);
                property.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return any ? Canonical(Encoding.UTF8.GetString(buffer.WrittenSpan)) : null;
    }

    private static void Field(ArrayBufferWriter<byte> buffer, string? text)
    {
        var length = buffer.GetSpan(4);
        if (text is null)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            buffer.Advance(4);
            return;
        }

        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, Encoding.UTF8.GetByteCount(text));
        buffer.Advance(4);
        Encoding.UTF8.GetBytes(text, buffer);
    }

    /// <summary>
    /// One step of a unit's version-2 running chain, which the signed checkpoints carry: every event of
    /// the unit in sequence order, its sequence number and its hash folded into the head before it.
    /// </summary>
    public static string NextUnitHead(string head, long sequence, string? eventHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            head + "\n" + sequence.ToString(CultureInfo.InvariantCulture) + "\n" + (eventHash ?? string.Empty))));

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
