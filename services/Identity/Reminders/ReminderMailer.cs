using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BhxhPlatform.Identity.Reminders;

/// <summary>The mail server reminders go through (section <c>Mail</c>); without a host, reminders reach the inbox only.</summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None (a sink on this machine), StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "nhac-viec@bhxh.local";

    public string FromName { get; set; } = "BHXH — Nhắc việc";

    /// <summary>The portal's address, for the link in each mail (by default <c>Identity:PortalUrl</c>).</summary>
    public Uri? PortalUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Writes a reminder as a mail (Vietnamese first, English below) and hands it to the mail server with MailKit.</summary>
public sealed class ReminderMailer(MailSettings settings)
{
    public static MimeMessage Compose(InboxItem item, string displayName, string address, MailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(settings);
        var link = settings.PortalUrl is { } portal ? new Uri(portal, item.PortalPath).AbsoluteUri : item.PortalPath;
        var due = item.DueOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var message = new MimeMessage
        {
            MessageId = $"{item.Id:N}@bhxh-platform",
            Subject = item.Subject.Vi,
            Body = new TextPart("plain")
            {
                Text = string.Join("\n", [
                    $"Kính gửi {displayName},", "", item.Body.Vi, .. due is null ? Array.Empty<string>() : [$"Hạn: {due}"], $"Xem: {link}", "",
                    "—", "", item.Subject.En, "", item.Body.En, .. due is null ? Array.Empty<string>() : [$"Due: {due}"], $"Open: {link}", ""]),
            },
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(displayName, address));
        message.Headers.Add("X-Bhxh-Reminder", item.ReminderId.ToString("D"));
        return message;
    }

    /// <summary>Sends the mail of <paramref name="item"/>; returns its Message-Id.</summary>
    public async Task<string> SendAsync(InboxItem item, string displayName, string address, CancellationToken cancellation)
    {
        var message = Compose(item, displayName, address, settings);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail:Host is not configured."), settings.Port, settings.Security, cancellation);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellation);
        }

        await client.SendAsync(message, cancellation);
        await client.DisconnectAsync(quit: true, cancellation);
        return message.MessageId ?? "";
    }
}
