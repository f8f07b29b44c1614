using System.Security.Claims;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Identity.Reminders;

/// <summary>The caller's reminders, newest first, and how many are unread.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Unread);

public static class ListInboxEndpoint
{
    public const int PageSize = 100;

    /// <summary>
    /// The caller's own reminders in the unit (nobody reads another person's inbox: a province role reaching a district's
    /// route finds only what is its own there, which is nothing), newest first; unread only when asked.
    /// </summary>
    [WolverineGet("/api/units/{unit}/inbox")]
    [Tags("Inbox")]
    public static async Task<InboxPage> Get(bool? unreadOnly, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var me = Inbox.AccountOf(user);
        var query = session.Query<InboxItem>().Where(i => i.AccountId == me);
        var unread = await query.CountAsync(i => i.ReadAt == null, cancellation);
        if (unreadOnly == true)
        {
            query = query.Where(i => i.ReadAt == null);
        }

        var items = await query.OrderByDescending(i => i.ReceivedAt).Take(PageSize).ToListAsync(cancellation);
        return new InboxPage(items, unread);
    }
}

public static class MarkReminderReadEndpoint
{
    /// <summary>The caller opened one of their reminders (again: nothing more is recorded).</summary>
    [WolverinePost("/api/units/{unit}/inbox/{id}/read")]
    [Tags("Inbox")]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<InboxItem>(id, cancellation);
        if (stream.Aggregate is not { } item || item.AccountId != Inbox.AccountOf(user))
        {
            return Results.Problem(ProblemResults.NotFound("Không có nhắc việc này trong hộp thư của bạn.", "There is no such reminder in your inbox."));
        }

        if (item.ReadAt is null)
        {
            stream.AppendOne(new ReminderRead(id));
        }

        return Results.NoContent();
    }
}

internal static class Inbox
{
    /// <summary>The caller's account (the token's subject); a token without one reaches no inbox.</summary>
    public static Guid AccountOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.Subject)?.Value, out var id) ? id : Guid.Empty;
}
