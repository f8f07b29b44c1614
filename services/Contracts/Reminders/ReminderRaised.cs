namespace BhxhPlatform.Contracts.Reminders;

/// <summary>
/// Any service → Identity: something happened that the people of <paramref name="Audience"/> must be told
/// (a plan submitted or returned, an agreement about to end, a hand-off received, cards to renew). Identity, which knows
/// the people, puts it in the inbox of each active account the audience names and mails those with an
/// address. <paramref name="ReminderId"/> is derived from what the reminder is about, so the same fact
/// announced twice (a redelivery, a second replica) reaches each person once.
/// </summary>
/// <param name="Kind">What it is about: one of <see cref="ReminderKinds"/>.</param>
/// <param name="PortalPath">Where in the portal the person acts on it (<c>/plan</c>, <c>/agreements/{id}</c>).</param>
/// <param name="DueOn">The day it is about (an agreement's end), when it has one.</param>
[ConsumedBy(ServiceNames.Identity)]
public sealed record ReminderRaised(
    Guid ReminderId,
    string Kind,
    ReminderAudience Audience,
    BilingualText Subject,
    BilingualText Body,
    string PortalPath,
    DateOnly? DueOn = null);

/// <summary>
/// Who is told: the accounts of <paramref name="Unit"/> holding <paramref name="Role"/> (for that organisation, when one
/// is named), or only the one of them whose user name is <paramref name="UserName"/>, when one is named (the collection
/// agent who enrolled a household, as recorded on the event).
/// </summary>
public sealed record ReminderAudience(string Unit, string Role, Guid? OrganisationId = null, string? UserName = null);

/// <summary>A text in Vietnamese and in English; each person reads the language they chose.</summary>
public sealed record BilingualText(string Vi, string En);

/// <summary>The kinds of reminder.</summary>
public static class ReminderKinds
{
    public const string PlanSubmitted = "plan-submitted";
    public const string PlanReturned = "plan-returned";
    public const string AgreementEnding = "agreement-ending";
    public const string HandOffReceived = "hand-off-received";
    public const string LinesOverdue = "lines-overdue";
    public const string CardsToRenew = "cards-to-renew";
}

/// <summary>Reminder ids named by what they are about (RFC 9562 version 5): the same fact always gives the same id.</summary>
public static class ReminderIds
{
    private static readonly Guid Namespace = new("0c6f1d52-93a4-4e7b-b8a1-5d2e7f9c3a61");

    public static Guid For(string kind, params string[] about)
    {
        ArgumentNullException.ThrowIfNull(about);
        var name = System.Text.Encoding.UTF8.GetBytes(string.Join('/', [kind, .. about]));
        var bytes = Namespace.ToByteArray(bigEndian: true).Concat(name).ToArray();
#pragma warning disable CA5350 // SHA-1 is what UUID v5 is defined with; it names, it does not protect.
        var hash = System.Security.Cryptography.SHA1.HashData(bytes);
#pragma warning restore CA5350
        var uuid = hash.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
