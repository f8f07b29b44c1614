using BhxhPlatform.Contracts.Reminders;
using JasperFx.Events;

namespace BhxhPlatform.Identity.Reminders;

/// <summary>A reminder reached a person's inbox (one stream per reminder and person: the id is named by both).</summary>
public sealed record ReminderReceived(
    Guid ItemId, Guid ReminderId, Guid AccountId, string Kind, BilingualText Subject, BilingualText Body, string PortalPath, DateOnly? DueOn);

/// <summary>The reminder was handed to the mail server for the person's address (the address is on the account, not here).</summary>
public sealed record ReminderMailed(Guid ItemId, string MessageId);

/// <summary>The person opened the reminder in the portal.</summary>
public sealed record ReminderRead(Guid ItemId);

/// <summary>
/// One reminder in one person's inbox: what it says, where to act on it, and whether it was mailed
/// and read. Immutable; <see cref="Version"/> counts the events.
/// </summary>
public sealed record InboxItem(
    Guid Id,
    Guid ReminderId,
    Guid AccountId,
    string Kind,
    BilingualText Subject,
    BilingualText Body,
    string PortalPath,
    DateOnly? DueOn,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? MailedAt,
    DateTimeOffset? ReadAt,
    int Version)
{
    /// <summary>The stream of <paramref name="reminderId"/> in the inbox of <paramref name="accountId"/>: the same pair, the same stream.</summary>
    public static Guid IdFor(Guid reminderId, Guid accountId) => ReminderIds.For("inbox", reminderId.ToString("D"), accountId.ToString("D"));

    public static InboxItem Create(IEvent<ReminderReceived> e) =>
        new(e.Data.ItemId, e.Data.ReminderId, e.Data.AccountId, e.Data.Kind, e.Data.Subject, e.Data.Body, e.Data.PortalPath, e.Data.DueOn,
            e.Timestamp, null, null, 1);

    public InboxItem Apply(IEvent<ReminderMailed> e) => this with { MailedAt = e.Timestamp, Version = Version + 1 };

    public InboxItem Apply(IEvent<ReminderRead> e) => this with { ReadAt = e.Timestamp, Version = Version + 1 };
}
