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

    /// <summary>How long a start may take: generous, the machine is shared by several builds and test runs at once.</summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);

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
    public static Task<ServiceProcess> StartAsync(
        string service, string connectionString, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(service, connectionString, _ => settings ?? new Dictionary<string, string>());

    /// <param name="settings">The configuration, from the address the service will listen on (the identity service's issuer is its own address).</param>
    public static async Task<ServiceProcess> StartAsync(
        string service, string connectionString, Func<Uri, IReadOnlyDictionary<string, string>> settings)
    {
        var assembly = $"BhxhPlatform.{char.ToUpperInvariant(service[0])}{service[1..]}";
        var dll = Path.Combine(BuildOutput(service, assembly), $"{assembly}.dll");
        var port = FreePort.Find();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var configured = settings(baseAddress);
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
        if (configured.ContainsKey("Auth__Authority"))
        {
            // Trusted by its authority's published keys: nothing of the test issuer inherited from this process.
            startInfo.Environment.Remove("Auth__Issuer");
            startInfo.Environment.Remove("Auth__Jwks");
        }
        else
        {
            foreach (var (key, value) in TestTokens.Settings)
            {
                startInfo.Environment[key] = value;
            }
        }

        foreach (var (key, value) in configured)
        {
            startInfo.Environment[key] = value;
        }

        var started = new ServiceProcess(service, startInfo, baseAddress);
        try
        {
            await started.WaitUntilHealthyAsync(StartPatience);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>
    /// Runs the service with exactly these settings (nothing inherited from the test process) and waits for it
    /// to exit on its own, at most <paramref name="timeout"/>: for start-up refusals. Returns the exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string service, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var assembly = $"BhxhPlatform.{char.ToUpperInvariant(service[0])}{service[1..]}";
        var dll = Path.Combine(BuildOutput(service, assembly), $"{assembly}.dll");
        var startInfo = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{FreePort.Find()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var key in startInfo.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {service}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return (process.ExitCode, await output + await error);
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

    /// <summary>Starts the service again on the same port and database, with some settings changed (a value of null removes one); waits until healthy.</summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string?>? changes = null)
    {
        await KillAsync();
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                _startInfo.Environment.Remove(key);
            }
            else
            {
                _startInfo.Environment[key] = value;
            }
        }

        _process.Dispose();
        Append($"---- restart {++Restarts} ----");
        _process = Launch();
        await WaitUntilHealthyAsync(StartPatience);
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
