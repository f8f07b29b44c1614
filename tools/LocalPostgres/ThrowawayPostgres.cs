using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace BhxhPlatform.LocalPostgres;

/// <summary>
/// A PostgreSQL database for one test run, removed on dispose. In order of preference:
/// an explicit admin connection string (<c>BHXH_TEST_POSTGRES</c>: a fresh database is created
/// in it and dropped after), a container when a Docker engine answers, or a cluster from the
/// local binaries in a temporary folder. A local cluster is also guarded by a detached
/// watchdog that stops it and deletes its folder if the test process dies without disposing.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private ThrowawayPostgres(string connectionString, string kind, Func<Task> cleanup)
    {
        ConnectionString = connectionString;
        Kind = kind;
        _cleanup = cleanup;
    }

    /// <summary>Connection string of the throwaway database.</summary>
    public string ConnectionString { get; }

    /// <summary>"external", "docker" or "local".</summary>
    public string Kind { get; }

    /// <summary>The local cluster, when <see cref="Kind"/> is "local" (fault tests restart it).</summary>
    public LocalCluster? Cluster { get; private init; }

    /// <summary>The port the server listens on.</summary>
    public int Port => new NpgsqlConnectionStringBuilder(ConnectionString).Port;

    public static async Task<ThrowawayPostgres> StartAsync(string database = "bhxh", CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable("BHXH_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return await OnExternalServerAsync(external, database, cancellationToken);
        }

        if (await DockerEngine.AnswersAsync(cancellationToken))
        {
            return await InContainerAsync(database, cancellationToken);
        }

        return await FromLocalBinariesAsync(database, cancellationToken);
    }

    /// <summary>
    /// Always a cluster from the local binaries (never a container or an external server), so the
    /// caller can stop and start the server itself through <see cref="Cluster"/>.
    /// </summary>
    public static Task<ThrowawayPostgres> StartLocalAsync(string database = "bhxh", CancellationToken cancellationToken = default) =>
        FromLocalBinariesAsync(database, cancellationToken);

    public async ValueTask DisposeAsync() => await _cleanup();

    private static async Task<ThrowawayPostgres> OnExternalServerAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        var name = $"{database}_test_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return new ThrowawayPostgres(connectionString, "external", async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(adminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    private static async Task<ThrowawayPostgres> InContainerAsync(string database, CancellationToken cancellationToken)
    {
        var id = (await ProcessRunner.RunCheckedAsync("docker",
            ["run", "-d", "--rm", "-p", "127.0.0.1::5432", "-e", "POSTGRES_HOST_AUTH_METHOD=trust", "-e", $"POSTGRES_DB={database}", "postgres:17"],
            timeout: TimeSpan.FromMinutes(5), cancellationToken: cancellationToken)).Trim();
        var mapping = (await ProcessRunner.RunCheckedAsync("docker", ["port", id, "5432/tcp"], cancellationToken: cancellationToken)).Trim();
        var port = int.Parse(mapping.Split('\n')[0].Split(':')[^1], CultureInfo.InvariantCulture);
        var connectionString = LocalCluster.ConnectionString(port, database);
        await WaitUntilReadyAsync(connectionString, TimeSpan.FromSeconds(60), cancellationToken);
        return new ThrowawayPostgres(connectionString, "docker", async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ProcessRunner.RunAsync("docker", ["rm", "-f", id]);
        });
    }

    private static async Task<ThrowawayPostgres> FromLocalBinariesAsync(string database, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bhxh-pg-{Guid.NewGuid():N}"[..20]);
        var cluster = new LocalCluster(folder, PostgresBinaries.Find());
        var watchdog = default(Process);
        try
        {
            await cluster.EnsureInitialisedAsync([database], cancellationToken);
            var port = FreePort.Find();
            await cluster.StartAsync(port, cancellationToken);
            watchdog = cluster.StartWatchdog(Environment.ProcessId, deleteFolder: true);
            var connectionString = LocalCluster.ConnectionString(port, database);
            return new ThrowawayPostgres(connectionString, "local", async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await cluster.StopAsync("immediate");
                DeleteFolder(folder);
                StopWatchdog(watchdog);
            })
            { Cluster = cluster };
        }
        catch
        {
            await cluster.StopAsync("immediate", CancellationToken.None);
            DeleteFolder(folder);
            StopWatchdog(watchdog);
            throw;
        }
    }

    private static void StopWatchdog(Process? watchdog)
    {
        if (watchdog is null)
        {
            return;
        }

        try
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        watchdog.Dispose();
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static async Task WaitUntilReadyAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
