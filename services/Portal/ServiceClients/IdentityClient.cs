namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>The identity service's inbox API as the portal calls it (services/Identity/Reminders): the signed-in person's own reminders.</summary>
public sealed class IdentityClient(HttpClient http)
{
    public const string Service = "identity";

    private static string InboxPath(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}/inbox";

    public async Task<InboxView> InboxAsync(string unit, bool unreadOnly = false, CancellationToken cancellation = default) =>
        await http.GetAsync<InboxView>(Service, InboxPath(unit) + (unreadOnly ? "?unreadOnly=true" : string.Empty), cancellation) ?? new InboxView([], 0);

    /// <summary>Development only: the mails the identity service's mail sink kept for the person; null where no sink runs.</summary>
    public async Task<IReadOnlyList<SunkMailView>?> SunkMailAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<SunkMailView>>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/mail-sink", cancellation);

    public Task<ServiceResult<object>> MarkReadAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{InboxPath(unit)}/{id}/read", new { }, cancellation);
}

public sealed record InboxView(IReadOnlyList<ReminderView> Items, int Unread);

public sealed record BilingualTextView(string Vi, string En)
{
    /// <summary>The text in the page's language (English when the person switched to it).</summary>
    public string Current => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Vi;
}

public sealed record ReminderView(
    Guid Id, Guid ReminderId, string Kind, BilingualTextView Subject, BilingualTextView Body, string PortalPath, DateOnly? DueOn,
    DateTimeOffset ReceivedAt, DateTimeOffset? MailedAt, DateTimeOffset? ReadAt);

/// <summary>A mail as the Development mail sink kept it.</summary>
public sealed record SunkMailView(string File, DateTimeOffset Date, string From, string To, string Subject, string Text);
