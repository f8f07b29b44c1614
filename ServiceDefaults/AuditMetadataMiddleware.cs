using Marten;
using Microsoft.AspNetCore.Http;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Stamps who and why on the events an HTTP command appends: the authenticated user (or
/// <c>anonymous</c>) and, as causation, the caller's <c>X-Command-Id</c> header or else the
/// request's trace identifier. The correlation id is the trace id, set by Wolverine.
/// </summary>
public static class AuditMetadataMiddleware
{
    public const string CommandIdHeader = "X-Command-Id";

    public static void Before(HttpContext context, IDocumentSession session)
    {
        session.LastModifiedBy ??= context.User.Identity?.Name ?? "anonymous";
        var commandId = context.Request.Headers[CommandIdHeader].ToString();
        session.CausationId ??= string.IsNullOrWhiteSpace(commandId) ? context.TraceIdentifier : commandId;
    }
}
