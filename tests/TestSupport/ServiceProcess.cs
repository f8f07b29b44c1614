using System.Diagnostics;
using System.Text;
using BhxhPlatform.LocalPostgres;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// One service run as a real operating-system process from its build output, against the
/// given database, on a free loopback port. Disposing kills it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _startInfo;
    private readonly StringBuilder _output = new();
    private Process _process;

    private ServiceProcess(string service, ProcessStartInfo startInfo, Uri baseAddress)
    {
        Service = service;
        _startInfo = startInfo;
        BaseAddress = baseAddress;
        _process = Launch();
    }

    public string Service { get; }

    public Uri BaseAddress { get; }

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

    /// <summary>A client of the service; callers add the Authorization header they need.</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    /// <param name="settings">
    /// More configuration for the process, as environment variables (<c>Section__Key</c>). The service trusts
    /// the test issuer (<see cref="TestTokens"/>) unless these name an authority (<c>Auth__Authority</c>).
    /// </param>
    public static async Task<ServiceProcess> StartAsync(
        string service, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = $"BhxhPlatform.{char.ToUpperInvariant(service[0])}{service[1..]}";
        var dll = Path.Combine(BuildOutput(service, assembly), $"{assembly}.dll");
        var port = FreePort.Find();
        var startInfo = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Environment =
            {
                ["ConnectionStrings__bhxh"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["PersonalData__MasterKey"] = TestPersonalData.MasterKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        if (settings?.ContainsKey("Auth__Authority") != true)
        {
            foreach (var (key, value) in TestTokens.Settings)
            {
                startInfo.Environment[key] = value;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var started = new ServiceProcess(service, startInfo, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await started.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>The operating-system process id of the current incarnation.</summary>
    public int ProcessId => _process.Id;

    /// <summary>How many times the process was killed and started again.</summary>
    public int Restarts { get; private set; }

    /// <summary>SIGKILL (no graceful shutdown, nothing flushed), then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the service again on the same port and database; waits until healthy.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        _process.Dispose();
        Append($"---- restart {++Restarts} ----");
        _process = Launch();
        await WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
    }

    private Process Launch()
    {
        var process = Process.Start(_startInfo) ?? throw new InvalidOperationException($"Could not start {Service}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Service} exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Service} was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>The service's build output, in the configuration this test assembly was built in.</summary>
    private static string BuildOutput(string service, string assembly)
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(testOutput).Parent!.Name;
        var root = RepositoryRoot.Above(testOutput);
        var folder = char.ToUpperInvariant(service[0]) + service[1..];
        var output = Path.Combine(root, "services", folder, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(output, $"{assembly}.dll"))
            ? output
            : throw new FileNotFoundException($"{assembly}.dll is not built in {output}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
