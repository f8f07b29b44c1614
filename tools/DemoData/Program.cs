using BhxhPlatform.DemoData;

// Run by the AppHost in Development once the services are healthy: loads the demo province, then exits.
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
try
{
    await new DemoLoader(new DemoApi(LoaderSettings.FromEnvironment(), http), Console.Out, TimeProvider.System).RunAsync(cancellation.Token);
    return 0;
}
catch (Exception e) when (e is DemoDataException or HttpRequestException or InvalidOperationException or OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"The demo data could not be loaded: {e.Message}");
    return 1;
}
