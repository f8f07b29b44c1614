using System.Diagnostics;
using BhxhPlatform.LocalPostgres;

namespace BhxhPlatform.Benchmarks;

/// <summary>The CRUD peer (<c>benchmarks/CrudPeer</c>, built beside the runner) as a process of its own, like the services.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public static async Task<PeerProcess> StartAsync(string connectionString)
    {
        var runner = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(runner).Parent!.Name;
        var benchmarks = new DirectoryInfo(runner).Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(benchmarks, "CrudPeer", "bin", configuration, "net10.0", "BhxhPlatform.CrudPeer.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The CRUD peer is not built: {dll}");
        }

        var port = FreePort.Find();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Environment =
            {
                ["ConnectionStrings__bhxh"] = connectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The CRUD peer did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new PeerProcess(process, baseAddress);
        using var client = started.Client();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The CRUD peer exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return started;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await started.DisposeAsync();
        throw new TimeoutException("The CRUD peer did not answer /health within 2 minutes.");
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
