using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// What a service announced to the others while a test acted, as Wolverine's message tracking saw the
/// envelopes leave through its outbox (the fixtures stub the queues themselves).
/// </summary>
public static class Announcements
{
    /// <summary>Runs <paramref name="act"/> and returns every envelope sent to another service's queue meanwhile.</summary>
    public static async Task<IReadOnlyList<Envelope>> SentDuringAsync(this IHost host, Func<Task> act)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(act);
        var tracked = await host.TrackActivity()
            .DoNotAssertOnExceptionsDetected()
            .Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => act()));
        return tracked.Sent.Envelopes().Where(e => e.Destination?.Scheme == "postgresql").ToList();
    }

    /// <summary>The envelopes bound for <paramref name="service"/>'s queue.</summary>
    public static IReadOnlyList<Envelope> To(this IEnumerable<Envelope> envelopes, string service) =>
        envelopes.Where(e => string.Equals(e.Destination?.Host, service, StringComparison.Ordinal)).ToList();
}
