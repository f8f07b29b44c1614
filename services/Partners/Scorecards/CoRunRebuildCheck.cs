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

        // A row whose activity has no ledger (written by hand) is compared too, with nothing rebuilt; only
        // the ledgers that have events count as streams replayed.
        var replayed = new List<Guid>();
        foreach (var id in ids.Union(live.Select(g => g.Key)).Order())
        {
            var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
            if (events.Count > 0)
            {
                replayed.Add(id);
            }

            var rebuilt = CoRunActivity.FromLedger(id, events.Select(e => e.Data)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var held = live[id].OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (RebuildDifference.Between(id, nameof(CoRunActivity), serializer, held, rebuilt) is { } difference)
            {
                differences.Add(difference);
            }
        }

        return new ReadModelCheckResult(nameof(CoRunActivity), replayed, live.Sum(g => g.Count()), differences);
    }
}

public static class CoRunRebuildCheckRegistration
{
    public static IServiceCollection AddCoRunRebuildCheck(this IServiceCollection services) =>
        services.AddSingleton<IReadModelCheck, CoRunRebuildCheck>();
}
