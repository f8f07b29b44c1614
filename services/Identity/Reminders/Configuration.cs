using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Identity.Reminders;

public static class Configuration
{
    public static StoreOptions AddReminders(this StoreOptions options)
    {
        // Inline: the inbox shows a reminder as soon as it is delivered, and a mail is sent only for a stored item.
        options.Projections.Snapshot<InboxItem>(SnapshotLifecycle.Inline);
        options.Schema.For<InboxItem>().Index(i => i.AccountId).Index(i => i.ReminderId);
        return options;
    }

    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();

        // Links in the mails lead to the portal the identity service signs people in for.
        if (settings.PortalUrl is null && Uri.TryCreate(builder.Configuration["Identity:PortalUrl"], UriKind.Absolute, out var portal))
        {
            settings.PortalUrl = portal;
        }

        // Development: mail goes to the sink on this machine, which keeps it as files (the AppHost names the folder).
        var sink = builder.Configuration.GetSection(MailSinkSettings.Section).Get<MailSinkSettings>();
        string? sinkFolder = null;
        if (builder.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(sink?.Folder) && !settings.Enabled)
        {
            sink.Port = sink.Port > 0 ? sink.Port : DevelopmentMailSink.FreePort();
            settings.Host = "127.0.0.1";
            settings.Port = sink.Port;
            settings.Security = MailKit.Security.SecureSocketOptions.None;
            builder.Services.AddSingleton(sink).AddHostedService<DevelopmentMailSink>();
            sinkFolder = sink.Folder;
        }

        builder.Services.AddSingleton(new SunkMail(sinkFolder));

        builder.Services.AddSingleton(settings).AddSingleton<ReminderMailer>();
        return builder;
    }
}
