using System.Diagnostics;

namespace BhxhPlatform.LocalPostgres;

/// <summary>
/// Finds the PostgreSQL server binaries on this machine: <c>BHXH_PG_BIN</c> when set, else
/// <c>pg_config --bindir</c>, else the newest <c>/usr/lib/postgresql/*/bin</c>, else the PATH.
/// </summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public string Initdb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public static PostgresBinaries? TryFind()
    {
        foreach (var candidate in Candidates())
        {
            if (File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "postgres")))
            {
                return new PostgresBinaries(candidate);
            }
        }

        return null;
    }

    public static PostgresBinaries Find() =>
        TryFind() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries were found (initdb, postgres). Install them (Debian: apt-get install postgresql), " +
            "set BHXH_PG_BIN to their folder, or give a connection string (ConnectionStrings__bhxh).");

    private static IEnumerable<string> Candidates()
    {
        var explicitBin = Environment.GetEnvironmentVariable("BHXH_PG_BIN");
        if (!string.IsNullOrWhiteSpace(explicitBin))
        {
            yield return explicitBin;
        }

        var fromPgConfig = TryRun("pg_config", "--bindir");
        if (!string.IsNullOrWhiteSpace(fromPgConfig))
        {
            yield return fromPgConfig.Trim();
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(x => x.Version);
            foreach (var (dir, _) in versions)
            {
                yield return Path.Combine(dir, "bin");
            }
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
    }

    private static string? TryRun(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
