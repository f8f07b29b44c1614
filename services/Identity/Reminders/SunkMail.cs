using System.Security.Claims;
using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using MimeKit;
using Wolverine.Http;

namespace BhxhPlatform.Identity.Reminders;

/// <summary>One mail the Development sink kept, as its addressee reads it.</summary>
public sealed record SunkMailItem(string File, DateTimeOffset Date, string From, string To, string Subject, string Text);

/// <summary>The mail the Development sink keeps (<see cref="DevelopmentMailSink"/>); <see cref="Folder"/> is null when no sink runs.</summary>
public sealed class SunkMail(string? folder)
{
    public const int Newest = 50;

    public string? Folder { get; } = folder;

    /// <summary>The newest mails to <paramref name="address"/>, read from the sink's .eml files.</summary>
    public async Task<IReadOnlyList<SunkMailItem>> ToAsync(string address, CancellationToken cancellation)
    {
        if (Folder is null || !Directory.Exists(Folder))
        {
            return [];
        }

        var mails = new List<SunkMailItem>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Reverse())
        {
            using var message = await MimeMessage.LoadAsync(path, cancellation);
            if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            mails.Add(new SunkMailItem(Path.GetFileName(path), message.Date, message.From.ToString(), message.To.ToString(), message.Subject ?? "", message.TextBody ?? ""));
            if (mails.Count == Newest)
            {
                break;
            }
        }

        return mails;
    }
}

public static class ListSunkMailEndpoint
{
    /// <summary>
    /// Development only: the mails the sink on this machine kept for the caller's own address, newest first, so that a
    /// developer signed in as a demo person sees what was sent to them. Where no sink runs, there is none (404).
    /// </summary>
    [WolverineGet("/api/units/{unit}/mail-sink")]
    [Tags("Inbox")]
    public static async Task<IResult> Get(ClaimsPrincipal user, SunkMail sink, IQuerySession session, CancellationToken cancellation)
    {
        if (sink.Folder is null)
        {
            return Results.Problem(ProblemResults.NotFound(
                "Máy chủ thư thử nghiệm không chạy (chỉ có trong môi trường phát triển).", "No development mail sink runs here (Development only)."));
        }

        var account = await session.LoadAsync<Account>(Inbox.AccountOf(user), cancellation);
        return Results.Ok(string.IsNullOrWhiteSpace(account?.Email) ? [] : await sink.ToAsync(account.Email, cancellation));
    }
}
