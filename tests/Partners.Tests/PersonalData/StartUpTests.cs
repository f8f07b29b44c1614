using System.Diagnostics;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Partners.Tests.PersonalData;

public sealed class StartUpTests
{
    [Fact]
    public async Task The_service_does_not_start_without_the_personal_data_master_key()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "BhxhPlatform.Partners.dll");
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

        // The collection fixtures set the key for this test process; the child must not inherit it.
        startInfo.Environment.Remove("PersonalData__MasterKey");
        using var process = Process.Start(startInfo).ShouldNotBeNull();
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

        process.ExitCode.ShouldNotBe(0);
        (await output + await error).ShouldContain("PersonalData:MasterKey is not configured");
    }
}
