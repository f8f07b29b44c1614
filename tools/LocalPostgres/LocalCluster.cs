using System.Diagnostics;
using System.Globalization;

namespace BhxhPlatform.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster in a data folder this code owns, run from the local server binaries.
/// PostgreSQL refuses to run as root, so as root every server command runs as the
/// <c>postgres</c> OS user through <c>runuser</c> and the folder is owned by that user.
/// </summary>
public sealed class LocalCluster(string dataDirectory, PostgresBinaries binaries)
{
    public const string OsUser = "postgres";

    public const string Superuser = "postgres";

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public PostgresBinaries Binaries { get; } = binaries;

    public static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    public bool IsInitialised => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public string LogFile => Path.Combine(DataDirectory, "server.log");

    /// <summary>The command line that runs <paramref name="file"/> as the right OS user.</summary>
    public static (string File, IReadOnlyList<string> Arguments) AsServerUser(string file, IEnumerable<string> arguments) =>
        RunsAsRoot
            ? ("runuser", ["-u", OsUser, "--", file, .. arguments])
            : (file, [.. arguments]);

    /// <summary>Arguments for the <c>postgres</c> server process: loopback only, its socket in the data folder.</summary>
    public IReadOnlyList<string> ServerArguments(int port) =>
    [
        "-D", DataDirectory,
        "-p", port.ToString(CultureInfo.InvariantCulture),
        "-k", DataDirectory,
        "-c", "listen_addresses=127.0.0.1",
        "-c", "max_connections=400",
        "-c", "shared_buffers=256MB",
    ];

    /// <summary>
    /// Creates the cluster and the given databases unless the folder already holds a cluster.
    /// Safe to call on every start: an initialised folder is left as it is.
    /// </summary>
    public async Task EnsureInitialisedAsync(IEnumerable<string> databases, CancellationToken cancellationToken = default)
    {
        if (IsInitialised)
        {
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        if (RunsAsRoot)
        {
            await ProcessRunner.RunCheckedAsync("chown", ["-R", $"{OsUser}:{OsUser}", DataDirectory], cancellationToken: cancellationToken);
        }

        await ProcessRunner.RunCheckedAsync("chmod", ["700", DataDirectory], cancellationToken: cancellationToken);

        var (initdb, initdbArgs) = AsServerUser(Binaries.Initdb,
            ["-D", DataDirectory, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
        await ProcessRunner.RunCheckedAsync(initdb, initdbArgs, cancellationToken: cancellationToken);

        foreach (var database in databases)
        {
            // Single-user mode creates the database without a listening server or a port.
            var (postgres, args) = AsServerUser(Binaries.Postgres, ["--single", "-D", DataDirectory, "-j", "postgres"]);
            await ProcessRunner.RunCheckedAsync(postgres, args, standardInput: $"CREATE DATABASE \"{database}\";\n", cancellationToken: cancellationToken);
        }
    }

    /// <summary>Starts the server in the background and waits until it accepts connections.</summary>
    public async Task StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var options = string.Join(' ', ServerArguments(port).Skip(2));
        var (pgCtl, args) = AsServerUser(Binaries.PgCtl, ["-D", DataDirectory, "-o", options, "-l", LogFile, "-w", "-t", "60", "start"]);
        await ProcessRunner.RunCheckedAsync(pgCtl, args, timeout: TimeSpan.FromSeconds(90), cancellationToken: cancellationToken);
    }

    /// <summary>Stops the server; <c>immediate</c> skips the shutdown checkpoint (used for throwaway clusters).</summary>
    public async Task StopAsync(string mode = "fast", CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        var (pgCtl, args) = AsServerUser(Binaries.PgCtl, ["-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop"]);
        await ProcessRunner.RunAsync(pgCtl, args, timeout: TimeSpan.FromSeconds(90), cancellationToken: cancellationToken);
    }

    public static string ConnectionString(int port, string database) =>
        $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={Superuser};Database={database}";

    /// <summary>
    /// A detached shell that outlives its owner: once the process <paramref name="ownerProcessId"/>
    /// is gone (even killed), it stops this cluster and, for throwaway clusters, removes the folder.
    /// </summary>
    public Process StartWatchdog(int ownerProcessId, bool deleteFolder)
    {
        var (pgCtl, args) = AsServerUser(Binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);
        var stop = string.Join(' ', new[] { pgCtl }.Concat(args).Select(Quote));
        var script =
            $"while [ -d /proc/{ownerProcessId.ToString(CultureInfo.InvariantCulture)} ]; do sleep 1; done; " +
            $"if [ -f {Quote(Path.Combine(DataDirectory, "postmaster.pid"))} ]; then {stop} >/dev/null 2>&1; fi" +
            (deleteFolder ? $"; rm -rf {Quote(DataDirectory)}" : string.Empty);
        var startInfo = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
