using System.Diagnostics;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// Starts a service's built assembly (beside the test's) as a process without <c>PersonalData:MasterKey</c>, so a test can
/// show that the service refuses to start; a database that cannot be reached, as the service must stop before it needs one.
/// </summary>
public static class StartWithoutMasterKey
{
    /// <summary>The process's exit code and everything it wrote, once it has stopped (killed after 60 s).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string assembly)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, assembly);
        var startInfo = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ConnectionStrings__bhxh"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Auth__Issuer"] = TestTokens.Settings["Auth__Issuer"],
                ["Auth__Jwks"] = TestTokens.Settings["Auth__Jwks"],
            },
        };

        // The collection fixtures set the key for the test process; the child must not inherit it.
        startInfo.Environment.Remove("PersonalData__MasterKey");
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{assembly} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output + await error);
    }
}
