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
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string service, Process process, Uri baseAddress)
    {
        Service = service;
        _process = process;
        BaseAddress = baseAddress;
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

    public static async Task<ServiceProcess> StartAsync(string service, string connectionString, string signingKey)
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
                ["Auth__SigningKey"] = signingKey,
                ["PersonalData__MasterKey"] = TestPersonalData.MasterKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {service}.");
        var started = new ServiceProcess(service, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return started;
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
        var root = FindRepositoryRoot(testOutput);
        var folder = char.ToUpperInvariant(service[0]) + service[1..];
        var output = Path.Combine(root, "services", folder, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(output, $"{assembly}.dll"))
            ? output
            : throw new FileNotFoundException($"{assembly}.dll is not built in {output}.");
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BhxhPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("BhxhPlatform.sln was not found above the test output.");
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
