using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// A real SMTP server inside the test (the SmtpServer package) on a loopback port of its own: it keeps every
/// mail it accepts, and while <see cref="Refusing"/> answers each one with a temporary failure (4xx, "try again later"), as a mail server
/// that is briefly unable to take mail does.
/// </summary>
public sealed class TestMailSink : IAsyncDisposable
{
    private readonly List<MimeMessage> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _refused;

    private TestMailSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("mail-sink.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>While true, every mail is answered with a temporary failure (4xx) and not kept.</summary>
    public bool Refusing { get; set; }

    /// <summary>How many mails were answered with a temporary failure.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The mails accepted so far, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>The settings a service under test mails through this sink with (environment variable names).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Mail__Host"] = "127.0.0.1",
        ["Mail__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail__Security"] = "None",
    };

    public static TestMailSink Start() => new(LocalPostgres.FreePort.Find());

    /// <summary>The mails sent to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Accepted.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="condition"/> holds of the accepted mails, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = Accepted;
            if (condition(mails))
            {
                return mails;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The mail sink did not get the expected mails in {timeout}: it has {mails.Count} ({Refused} refused).");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
#pragma warning disable VSTHRD003 // The server's task was started by this sink, which ends it here.
            await _running;
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(TestMailSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.Refusing)
            {
                Interlocked.Increment(ref sink._refused);
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (sink._accepted)
            {
                sink._accepted.Add(message);
            }

            return SmtpResponse.Ok;
        }
    }
}
