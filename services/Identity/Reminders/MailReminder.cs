using System.Net.Sockets;
using BhxhPlatform.Identity.Accounts;
using MailKit;
using MailKit.Net.Smtp;
using Marten;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace BhxhPlatform.Identity.Reminders;

/// <summary>Mail one inbox item to its person (a durable local message: it outlives a restart and waits out a mail server that is down).</summary>
public sealed record MailReminder(Guid ItemId, string Unit);

public static class MailReminderHandler
{
    /// <summary>A mail server that is down or says "try later" (4xx) is tried again later, from the durable store; a refusal (5xx) is not.</summary>
    public static void Configure(HandlerChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        chain.OnException(IsTemporary)
            .ScheduleRetry(
                TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
                TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(4))
            .Then.MoveToErrorQueue();
    }

    public static bool IsTemporary(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Sends the mail unless the item was mailed already, then records that it was. The mail's Message-Id is named
    /// by the item, so in the one window where a crash can repeat a send (after the server took it, before the
    /// record committed) the copy carries the same id and mail clients show it once.
    /// </summary>
    public static async Task Handle(MailReminder message, IDocumentSession session, ReminderMailer mailer, CancellationToken cancellation)
    {
        var unit = session.ForTenant(message.Unit);
        var stream = await unit.Events.FetchForWriting<InboxItem>(message.ItemId, cancellation);
        if (stream.Aggregate is not { MailedAt: null } item)
        {
            return;
        }

        var account = await unit.LoadAsync<Account>(item.AccountId, cancellation);
        if (account is not { Status: AccountStatus.Active, Email: { Length: > 0 } address })
        {
            return;
        }

        var messageId = await mailer.SendAsync(item, account.DisplayName, address, cancellation);
        stream.AppendOne(new ReminderMailed(item.Id, messageId));
    }
}
