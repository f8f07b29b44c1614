using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BhxhPlatform.Identity.Reminders;

/// <summary>
/// In Development, the mail server on this machine (the SmtpServer package, on loopback): every reminder mail
/// the service sends is kept as an .eml file in <see cref="MailSinkSettings.Folder"/>, and nothing leaves the
/// machine. The AppHost turns it on in Development (<c>Mail:Sink:Folder</c>); a deployment names a real server.
/// </summary>
public sealed partial class DevelopmentMailSink(MailSinkSettings settings, ILogger<DevelopmentMailSink> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(settings.Folder);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("bhxh-mail-sink")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, settings.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new FolderStore(settings.Folder, logger));
        logger.LogInformation("Reminder mail is kept on this machine, in {Folder} (SMTP on 127.0.0.1:{Port})", settings.Folder, settings.Port);
        try
        {
            await new SmtpServer.SmtpServer(options, services).StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A free loopback port for the sink, found at start-up.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed partial class FolderStore(string folder, ILogger logger) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var path = Path.Combine(folder, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
            await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken);
            Kept(logger, path);
            return SmtpResponse.Ok;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Reminder mail kept: {Path}")]
        private static partial void Kept(ILogger logger, string path);
    }
}

/// <summary>Where the Development mail sink keeps mail (section <c>Mail:Sink</c>), and the port it was given.</summary>
public sealed class MailSinkSettings
{
    public const string Section = "Mail:Sink";

    public string Folder { get; set; } = "";

    public int Port { get; set; }
}
