using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace BhxhPlatform.Fault.Tests;

/// <summary>One LogActivity attempt: the HTTP status (0 = no answer) and the id when acknowledged.</summary>
internal sealed record Attempt(int Number, int Status, Guid? Id, string? Error);

/// <summary>
/// A bounded stream of LogActivity commands from a few concurrent clients. A request that got no
/// answer (connection refused or reset) is counted as sent but not acknowledged; the client
/// then waits a little, as a real client backing off would.
/// </summary>
internal sealed class CommandStream(HttpClient client, string district, Guid plan, int total, int clients)
{
    private readonly ConcurrentBag<Attempt> _attempts = [];
    private int _next;

    public IReadOnlyCollection<Attempt> Attempts => _attempts;

    /// <summary>How many commands were sent so far (to trigger faults midway).</summary>
    public int Sent => Volatile.Read(ref _next);

    public Task RunAsync(TimeSpan limit)
    {
        var stop = DateTime.UtcNow + limit;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(stop))));
    }

    private async Task ClientAsync(DateTime stop)
    {
        while (DateTime.UtcNow < stop)
        {
            var number = Interlocked.Increment(ref _next);
            if (number > total)
            {
                return;
            }

            var attempt = await SendAsync(number);
            _attempts.Add(attempt);
            await Task.Delay(attempt.Status is 0 or >= 500 ? 500 : 60);
        }
    }

    private async Task<Attempt> SendAsync(int number)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(
                new Uri($"/api/units/{district}/activities", UriKind.Relative), Faults.Activity(plan, 1 + (number % 50)));
            if ((int)response.StatusCode == 201)
            {
                var created = await response.Content.ReadFromJsonAsync<JsonElement>();
                return new Attempt(number, 201, created.GetProperty("value").GetGuid(), null);
            }

            return new Attempt(number, (int)response.StatusCode, null, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e)
        {
            return new Attempt(number, 0, null, e.Message);
        }
        catch (TaskCanceledException e)
        {
            return new Attempt(number, 0, null, e.Message);
        }
        catch (IOException e)
        {
            return new Attempt(number, 0, null, e.Message);
        }
    }
}
