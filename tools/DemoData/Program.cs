using BhxhPlatform.DemoData;

// Run by the AppHost in Development once the services are healthy: loads the demo province, then exits.
// The loader is idempotent (each step reads back what is done), so a pass stopped by a service's passing
// trouble (a conflict with a message handler, a first request on a busy machine) is run again from the
// start; each stop is written to the AppHost's log with its reason.
const int Passes = 3;
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
for (var pass = 1; ; pass++)
{
    try
    {
        await new DemoLoader(new DemoApi(LoaderSettings.FromEnvironment(), http), Console.Out, TimeProvider.System).RunAsync(cancellation.Token);
        return 0;
    }
    catch (Exception e) when (IsLoaderStop(e) && pass < Passes && !cancellation.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync($"Pass {pass} of {Passes} of the demo data stopped, the next starts in 10 s: {e}");
        await Task.Delay(TimeSpan.FromSeconds(10), cancellation.Token);
    }
    catch (Exception e) when (IsLoaderStop(e))
    {
        // A service answered what the loader did not expect: the whole story, for the AppHost's log.
        await Console.Error.WriteLineAsync($"The demo data could not be loaded: {e}");
        return 1;
    }
}

static bool IsLoaderStop(Exception e) =>
    e is DemoDataException or HttpRequestException or InvalidOperationException or OperationCanceledException
        or KeyNotFoundException or System.Text.Json.JsonException;
