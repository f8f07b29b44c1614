using System.Globalization;

namespace BhxhPlatform.LocalPostgres;

/// <summary>
/// A RabbitMQ node run from Debian's <c>rabbitmq-server</c> package as a plain process, never the
/// distribution's system service: its own data folder (database, logs, configuration, Erlang cookie),
/// its own node name, AMQP and distribution ports on the loopback interface, and its own Erlang port
/// mapper (epmd) on its own port, which the caller starts and stops (the node is told not to start one,
/// so nothing outlives it as a daemon).
/// </summary>
public sealed record RabbitMqNode(string DataDirectory, string NodeName, int AmqpPort, int DistributionPort, int EpmdPort)
{
    /// <summary>Debian's broker scripts; the one in <c>/usr/sbin</c> switches to the package's user and folder.</summary>
    public const string DebianScripts = "/usr/lib/rabbitmq/bin";

    /// <summary>A node with free ports and a node name of its own in <paramref name="dataDirectory"/>.</summary>
    public static RabbitMqNode OnFreePorts(string dataDirectory, string namePrefix) =>
        new(Path.GetFullPath(dataDirectory), $"{namePrefix}-{Guid.NewGuid():N}"[..(namePrefix.Length + 9)] + "@localhost",
            FreePort.Find(), FreePort.Find(), FreePort.Find());

    /// <summary>The broker's start script: <c>BHXH_RABBITMQ_BIN</c> when set, else Debian's.</summary>
    public static string? TryFindServer()
    {
        var folder = Environment.GetEnvironmentVariable("BHXH_RABBITMQ_BIN") is { Length: > 0 } explicitFolder ? explicitFolder : DebianScripts;
        var server = Path.Combine(folder, "rabbitmq-server");
        return File.Exists(server) ? server : null;
    }

    public static string FindServer() =>
        TryFindServer() ?? throw new InvalidOperationException(
            "RabbitMQ is not installed (no rabbitmq-server in " + DebianScripts + "). Install it (Debian: apt-get install rabbitmq-server; " +
            "its system service is not used), set BHXH_RABBITMQ_BIN, or give a connection string (ConnectionStrings__rabbitmq).");

    /// <summary>Erlang's port mapper, from the Erlang runtime the broker package brought.</summary>
    public static string FindEpmd()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "epmd")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Erlang's epmd was not found (Debian: it comes with rabbitmq-server's erlang-base).");
    }

    /// <summary>The connection string of the node's default user (guest may sign in over the loopback interface only).</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort.ToString(CultureInfo.InvariantCulture)}/";

    public string LogFolder => Path.Combine(DataDirectory, "log");

    /// <summary>The arguments of epmd: this node's port mapper in the foreground, loopback only.</summary>
    public IReadOnlyList<string> EpmdArguments => ["-port", EpmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1"];

    /// <summary>Writes the node's configuration files into its folder (idempotent).</summary>
    public void WriteConfiguration()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(LogFolder);
        File.WriteAllText(Path.Combine(DataDirectory, "rabbitmq.conf"),
            // The listener's address and port come from the environment (they change from run to run).
            // A nearly full disk blocks publishers below this limit (RabbitMQ's default, stated on purpose).
            "disk_free_limit.absolute = 50MB\n" +
            "log.console = true\nlog.console.level = warning\n");
        // No plugins: the management UI is not needed and would open another port.
        File.WriteAllText(Path.Combine(DataDirectory, "enabled_plugins"), "[].\n");
    }

    /// <summary>The environment of the broker process: everything under <see cref="DataDirectory"/>, nothing from /etc/rabbitmq.</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment() => new Dictionary<string, string>
    {
        // The Erlang cookie is written to $HOME: the node's own folder, not root's home.
        ["HOME"] = DataDirectory,
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(CultureInfo.InvariantCulture),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(DataDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = LogFolder,
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(DataDirectory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(DataDirectory, "advanced.config"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DataDirectory, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(DataDirectory, "rabbitmq-env.conf"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(DataDirectory, "rabbit.pid"),
    };
}
