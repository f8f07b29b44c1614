using BhxhPlatform.ServiceDefaults.Problems;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BhxhPlatform.ServiceDefaults.DeadLetters;

/// <summary>An event an asynchronous projection could not apply, skipped into Marten's dead-letter events.</summary>
public sealed record ProjectionDeadLetter(
    Guid Id, string Projection, string Shard, string? Unit, long EventSequence, string? ExceptionType, string ExceptionMessage, DateTimeOffset FailedAt);

/// <summary>What a replay did: the projection was rebuilt from its events; these still fail.</summary>
public sealed record ProjectionReplay(string Projection, IReadOnlyList<ProjectionDeadLetter> StillFailing);

/// <summary>
/// Dead-letter events of the asynchronous projections, for provincial administrators only. The daemon
/// skips an event a projection cannot apply into Marten's dead-letter events and goes on with the next
/// ones (<c>SkipApplyErrors</c>, set in <see cref="CritterStackExtensions"/>).
/// <c>GET /api/admin/projection-dead-letters</c> lists them; <c>POST …/{projection}/replay</c> rebuilds
/// that projection from all its events (its dead letters are cleared first, so an event that is still
/// not applicable comes back as a new dead letter) and restarts it. A rebuild, not a single re-apply,
/// because a projection's later events build on the one that failed: re-applying it alone, out of order,
/// could leave the read model behind or count it twice. With several replicas, only the replica whose daemon runs the
/// projection (the holder of its lock) rebuilds it; the others answer 409 <c>projection-runs-elsewhere</c>.
/// </summary>
public static class ProjectionDeadLetterEndpoints
{
    public const string Route = "/api/admin/projection-dead-letters";
    public const string Tag = "Administration";

    public static IEndpointRouteBuilder MapProjectionDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route)
            .WithTags(Tag);

        group.MapGet("/", (string? projection, int? limit, IDocumentStore store, CancellationToken ct) =>
                ListAsync(store, projection, Math.Clamp(limit ?? 100, 1, 1000), ct))
            .WithSummary("Events the asynchronous projections could not apply, newest first (provincial administrator).");

        group.MapPost("/{projection}/replay", async (string projection, IDocumentStore store, IProjectionCoordinator coordinator, CancellationToken ct) =>
            {
                if (AsyncProjection(store, projection) is not { } source)
                {
                    return Results.Problem(ProblemResults.ValidationProblem([
                        new FieldError("projection", "unknown",
                            $"Không có phép chiếu bất đồng bộ tên '{projection}'.",
                            $"There is no asynchronous projection named '{projection}'."),
                    ]));
                }

                var daemon = coordinator.DaemonForMainDatabase();
                if (!RunsHere(daemon, source))
                {
                    return Results.Problem(ProblemResults.Conflict(
                        "projection-runs-elsewhere",
                        $"Bản sao dịch vụ này không chạy phép chiếu '{source.Name}' lúc này (một bản sao khác giữ khoá của nó); không có gì được dựng lại. Gửi lại yêu cầu.",
                        $"This replica of the service does not run the projection '{source.Name}' now (another replica holds its lock); nothing was rebuilt. Send the request again."));
                }

                await daemon.RebuildProjectionAsync(source.Name, ct);
                foreach (var shard in source.ShardNames())
                {
                    await daemon.StartAgentAsync(shard.Identity, ct);
                }

                return Results.Ok(new ProjectionReplay(source.Name, await ListAsync(store, source.Name, 1000, ct)));
            })
            .WithSummary("Rebuilds the projection from its events and restarts it; lists the events that still fail (provincial administrator).");

        return app;
    }

    /// <summary>
    /// Whether this process's daemon runs (or holds paused) every shard of <paramref name="source"/>. With several
    /// replicas (HotCold) only the one holding a shard's advisory lock runs it; a rebuild started on another would run
    /// beside the holder's agent and count events twice, so it is refused there.
    /// </summary>
    internal static bool RunsHere(IProjectionDaemon daemon, ISubscriptionSource source)
    {
        var running = daemon.CurrentAgents().Select(a => a.Name.Identity).ToHashSet(StringComparer.Ordinal);
        return source.ShardNames().All(shard => running.Contains(shard.Identity));
    }

    /// <summary>The store's asynchronous projections: the ones the daemon runs and can dead-letter events of.</summary>
    internal static IEnumerable<ISubscriptionSource> AsyncProjections(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Async);

    private static ISubscriptionSource? AsyncProjection(IDocumentStore store, string name) =>
        AsyncProjections(store).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static async Task<IReadOnlyList<ProjectionDeadLetter>> ListAsync(IDocumentStore store, string? projection, int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var query = session.Query<DeadLetterEvent>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(projection))
        {
            query = query.Where(x => x.ProjectionName == projection);
        }

        var rows = await query.OrderByDescending(x => x.EventSequence).Take(limit).ToListAsync(ct);
        return [.. rows.Select(x => new ProjectionDeadLetter(
            x.Id, x.ProjectionName, x.ShardName, x.TenantId, x.EventSequence, x.ExceptionType, x.ExceptionMessage, x.Timestamp))];
    }
}
