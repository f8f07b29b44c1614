using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Identity.Accounts;
using Marten;
using Wolverine;

namespace BhxhPlatform.Identity.Reminders;

public static class DeliverReminderHandler
{
    /// <summary>
    /// The active accounts the audience names: those of its unit holding its role (for its organisation, when it names
    /// one), narrowed to the one account of its user name when it names one.
    /// </summary>
    public static IEnumerable<Account> Recipients(IEnumerable<Account> accounts, ReminderAudience audience) =>
        accounts.Where(a => a.Status == AccountStatus.Active
            && (audience.UserName is null || string.Equals(a.UserName, audience.UserName, StringComparison.Ordinal))
            && a.Grants.Any(g => g.Role == audience.Role && (audience.OrganisationId is null || g.OrganisationId == audience.OrganisationId)));

    /// <summary>
    /// Puts the reminder in the inbox of each person it names, once: a person who already has it (a redelivery,
    /// another replica's copy) is skipped, and two replicas starting the same stream at once leave one (the
    /// loser's start collides and is retried, then skips). Each new item with an address to mail is mailed by
    /// a durable message of its own, so a mail server that is down delays the mail, never the inbox.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ReminderRaised reminder, IDocumentSession session, MailSettings mail, CancellationToken cancellation)
    {
        var unit = session.ForTenant(reminder.Audience.Unit);
        var accounts = await unit.Query<Account>().Where(a => a.Status == AccountStatus.Active).ToListAsync(cancellation);

        // Who has it already, in one query (the inbox items are inline snapshots, written with their streams).
        var delivered = (await unit.Query<InboxItem>().Where(i => i.ReminderId == reminder.ReminderId).Select(i => i.AccountId).ToListAsync(cancellation)).ToHashSet();
        var mails = new OutgoingMessages();
        foreach (var account in Recipients(accounts, reminder.Audience).Where(a => !delivered.Contains(a.Id)))
        {
            var itemId = InboxItem.IdFor(reminder.ReminderId, account.Id);

            unit.Events.StartStream<InboxItem>(itemId, new ReminderReceived(
                itemId, reminder.ReminderId, account.Id, reminder.Kind, reminder.Subject, reminder.Body, reminder.PortalPath, reminder.DueOn));
            if (mail.Enabled && !string.IsNullOrWhiteSpace(account.Email))
            {
                mails.Add(new MailReminder(itemId, reminder.Audience.Unit));
            }
        }

        return mails;
    }
}
