using System.Diagnostics;
using System.Globalization;
using System.Text;
using BhxhPlatform.LocalPostgres;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// A RabbitMQ broker for one test run: Debian's <c>rabbitmq-server</c> run as a plain process (never the
/// distribution's service) with its own epmd, node name, free loopback ports and a temporary folder, all
/// removed on dispose. A detached watchdog kills both processes (by the ids they left in the folder) and
/// deletes the folder if the test process dies without disposing. Fault tests kill and restart it.
/// </summary>
public sealed class ThrowawayRabbitMq : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);
    private readonly RabbitMqNode _node;
    private readonly string _server;
    private readonly StringBuilder _output = new();
    private Process? _epmd;
    private Process? _broker;
    private Process? _watchdog;

    private ThrowawayRabbitMq(RabbitMqNode node, string server)
    {
        _node = node;
        _server = server;
    }

    /// <summary>True when the broker can run here (Debian's package is installed).</summary>
    public static bool IsInstalled => RabbitMqNode.TryFindServer() is not null;

    /// <summary>The AMQP URI of the broker's default user, for <c>ConnectionStrings__rabbitmq</c>.</summary>
    public string ConnectionString => _node.ConnectionString;

    /// <summary>How many times the broker was killed and started again.</summary>
    public int Restarts { get; private set; }

    /// <summary>The broker's console output and the start-up lines of its log (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The settings that put a service on this broker (environment variables of a service process).</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings => new Dictionary<string, string>
    {
        ["Messaging__Transport"] = "rabbitmq",
        ["ConnectionStrings__rabbitmq"] = ConnectionString,
    };

    public static async Task<ThrowawayRabbitMq> StartAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bhxh-rmq-{Guid.NewGuid():N}"[..21]);
        var broker = new ThrowawayRabbitMq(RabbitMqNode.OnFreePorts(folder, "bhxh-test"), RabbitMqNode.FindServer());
        try
        {
            broker._node.WriteConfiguration();
            broker._watchdog = broker.StartWatchdog();
            broker._epmd = broker.Launch(RabbitMqNode.FindEpmd(), broker._node.EpmdArguments, "epmd.pid");
            await broker.StartBrokerAsync(cancellationToken);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL of the broker (a crash: nothing flushed beyond what it had written), then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_broker is { HasExited: false })
        {
            _broker.Kill(entireProcessTree: true);
            await _broker.WaitForExitAsync();
        }
    }

    /// <summary>Starts the broker again on the same ports and folder (its queues and their messages are on disk).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await KillAsync();
        _broker?.Dispose();
        Append($"---- restart {++Restarts} ----");
        await StartBrokerAsync(cancellationToken);
    }

    /// <summary>The number of ready messages in a queue (for failure messages); null when it cannot be read.</summary>
    public async Task<uint?> ReadyMessagesAsync(string queue)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(ConnectionString) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException)
        {
            return null;
        }
    }

    private async Task StartBrokerAsync(CancellationToken cancellationToken)
    {
        _broker = Launch(_server, [], "server.pid");
        var clock = Stopwatch.StartNew();
        var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_broker.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with code {_broker.ExitCode}:\n{Output}");
            }

            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (BrokerUnreachableException) when (clock.Elapsed < StartPatience)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private Process Launch(string file, IEnumerable<string> arguments, string pidFile)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _node.DataDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _node.ProcessEnvironment())
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        File.WriteAllText(Path.Combine(_node.DataDirectory, pidFile), process.Id.ToString(CultureInfo.InvariantCulture));
        return process;
    }

    /// <summary>
    /// A detached shell that outlives this process: once it is gone (even killed), it kills the processes whose
    /// ids this broker wrote into its folder (the start script, the Erlang VM, epmd) and deletes the folder.
    /// </summary>
    private Process StartWatchdog()
    {
        var folder = Quote(_node.DataDirectory);
        var script =
            $"while [ -d /proc/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} ]; do sleep 1; done; " +
            $"for f in {folder}/server.pid {folder}/rabbit.pid {folder}/epmd.pid; do [ -f \"$f\" ] && kill -9 \"$(cat \"$f\")\" 2>/dev/null; done; " +
            $"sleep 1; rm -rf {folder}";
        var startInfo = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the RabbitMQ watchdog.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        foreach (var process in new[] { _epmd, _watchdog })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        foreach (var process in new[] { _broker, _epmd, _watchdog })
        {
            process?.Dispose();
        }

        if (Directory.Exists(_node.DataDirectory))
        {
            Directory.Delete(_node.DataDirectory, recursive: true);
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
