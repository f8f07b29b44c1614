using System.Security.Cryptography;
using System.Text;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BhxhPlatform.ServiceDefaults.Commands;

/// <summary>
/// Creates that can be retried. A client that may send a create twice (an offline sync whose answer
/// was lost, a user pressing "Ghi" again) names its command with a UUID, as the <c>X-Command-Id</c>
/// header or as <c>commandId</c> in the body. The new stream's id is derived from the unit, the kind
/// of record and that command id, so the second send finds the first one's stream and answers as the
/// first time instead of storing a copy. Any other <c>X-Command-Id</c> is a 400 problem.
/// </summary>
public static class CommandIds
{
    public const string Header = AuditMetadataMiddleware.CommandIdHeader;

    /// <summary>Refuses a write request whose <c>X-Command-Id</c> is not a UUID, before anything runs.</summary>
    public static WebApplication UseCommandIdCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ||
                !context.Request.Headers.ContainsKey(Header) || FromHeader(context) is not null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Results.Problem(ProblemResults.ValidationProblem([NotAUuid(Header)])).ExecuteAsync(context);
        });
        return app;
    }

    /// <summary>The command id of the request's header, when it is a UUID.</summary>
    public static Guid? FromHeader(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Headers[Header].ToString().Trim();
        return Guid.TryParse(value, out var id) && id != Guid.Empty ? id : null;
    }

    /// <summary>
    /// The command id of a single create: the header's or the body's, which must then agree.
    /// <paramref name="conflict"/> is set when both are given and differ.
    /// </summary>
    public static Guid? Of(HttpContext context, Guid? fromBody, out bool conflict)
    {
        var fromHeader = FromHeader(context);
        conflict = fromHeader is not null && fromBody is not null && fromHeader != fromBody;
        return fromBody ?? fromHeader;
    }

    /// <summary>
    /// The id of the stream a command creates: the same unit, kind and command id always give the same
    /// id, and another unit's command with the same id gives another (a name-based UUID, version 8, of
    /// SHA-256). <paramref name="index"/> tells apart the records of one batch named by one command id.
    /// </summary>
    public static Guid StreamId(string unit, string kind, Guid commandId, int? index = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var name = $"bhxh-command|{unit}|{kind}|{commandId:D}|{index?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static FieldError NotAUuid(string field) => new(
        field, "not-a-uuid",
        "Mã lệnh phải là một UUID, ví dụ 0f8fad5b-d9cb-469f-a165-70867728950e.",
        "The command id must be a UUID, for example 0f8fad5b-d9cb-469f-a165-70867728950e.");

    public static FieldError HeaderAndBodyDiffer(string field) => new(
        field, "command-id-mismatch",
        "Mã lệnh trong tiêu đề X-Command-Id và trong nội dung khác nhau.",
        "The command id of the X-Command-Id header and of the body differ.");
}
