using BhxhPlatform.DemoData;

// Run by the AppHost in Development once the services are healthy: loads the demo province, then exits.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
try
{
    await new DemoLoader(new DemoApi(LoaderSettings.FromEnvironment(), http), Console.Out, TimeProvider.System).RunAsync(cancellation.Token);
    return 0;
}
catch (DemoDataException e)
{
    await Console.Error.WriteLineAsync($"The demo data could not be loaded: {e.Message}");
    return 1;
}
catch (Exception e) when (e is HttpRequestException or InvalidOperationException or OperationCanceledException or KeyNotFoundException or System.Text.Json.JsonException)
{
    // A service answered what the loader did not expect: the whole story, for the AppHost's log.
    await Console.Error.WriteLineAsync($"The demo data could not be loaded: {e}");
    return 1;
}
