namespace BhxhPlatform.LocalPostgres;

public static class DockerEngine
{
    /// <summary>
    /// True when a Docker engine answers (not merely when the <c>docker</c> client is installed).
    /// <c>BHXH_NO_DOCKER=1</c> forces the local binaries even where an engine runs.
    /// </summary>
    public static async Task<bool> AnswersAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("BHXH_NO_DOCKER") == "1")
        {
            return false;
        }

        try
        {
            var (exitCode, _) = await ProcessRunner.RunAsync(
                "docker", ["info", "--format", "{{.ServerVersion}}"], timeout: TimeSpan.FromSeconds(10), cancellationToken: cancellationToken);
            return exitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return false;
        }
    }
}
