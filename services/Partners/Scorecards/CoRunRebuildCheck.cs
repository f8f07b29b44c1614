using BhxhPlatform.ServiceDefaults.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>
/// The rebuild check of the scorecards' co-run activities: each activity's ledger stream is folded
/// again into the rows it gives (<see cref="CoRunActivity.FromLedger"/>) and compared with the live
/// rows of that activity, in key order.
/// </summary>
public sealed class CoRunRebuildCheck(IDocumentStore store) : IReadModelCheck
{
    public async Task<ReadModelCheckResult> CheckAsync(IQuerySession session, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var serializer = store.Options.Serializer();
        var live = (await session.Query<CoRunActivity>().ToListAsync(cancellationToken)).ToLookup(r => r.ActivityId);
        var ids = await session.Query<ActivityLedger>().Select(l => l.Id).ToListAsync(cancellationToken);
        var differences = new List<RebuildDifference>();

        // A row whose activity has no ledger (written by hand) is compared too, with nothing rebuilt.
        var streams = ids.Union(live.Select(g => g.Key)).Order().ToList();
        foreach (var id in streams)
        {
            var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
            var rebuilt = CoRunActivity.FromLedger(id, events.Select(e => e.Data)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var held = live[id].OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (RebuildDifference.Between(id, nameof(CoRunActivity), serializer, held, rebuilt) is { } difference)
            {
                differences.Add(difference);
            }
        }

        return new ReadModelCheckResult(nameof(CoRunActivity), streams, live.Sum(g => g.Count()), differences);
    }
}

public static class CoRunRebuildCheckRegistration
{
    public static IServiceCollection AddCoRunRebuildCheck(this IServiceCollection services) =>
        services.AddSingleton<IReadModelCheck, CoRunRebuildCheck>();
}
