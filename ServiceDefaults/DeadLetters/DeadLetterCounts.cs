using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BhxhPlatform.ServiceDefaults.DeadLetters;

/// <summary>What waits in the service's dead-letter stores: the figures of the <c>bhxh.dead_letters</c> gauge.</summary>
public sealed record DeadLetterCounts(long Messages, IReadOnlyDictionary<string, long> EventsByProjection);

/// <summary>
/// <c>GET /api/admin/dead-letter-counts</c>: the last reading of the dead-letter stores (at most
/// <see cref="DeadLetterWatch.Interval"/> old), for provincial administrators and for checks that
/// cannot read the service's meters.
/// </summary>
public static class DeadLetterCountsEndpoint
{
    public const string Route = "/api/admin/dead-letter-counts";

    public static IEndpointRouteBuilder MapDeadLetterCountsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, (DeadLetterMetrics metrics) => new DeadLetterCounts(metrics.Messages, metrics.EventsByProjection))
            .WithTags(ProjectionDeadLetterEndpoints.Tag)
            .WithSummary("How many messages and projection events wait in the dead-letter stores (provincial administrator).");
        return app;
    }
}
