using BhxhPlatform.ServiceDefaults.Audit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Outreach.Activities;

/// <summary>
/// The rebuild check of the district totals, an asynchronous projection: each activity's stream is
/// folded again through <see cref="DistrictActivityTotalsProjection.Evolve"/> in memory and compared
/// with its live <see cref="CountedActivity"/>. A stream whose last event the projection has not
/// reached yet is left out (the totals follow the log within moments); an event the projection
/// cannot apply is passed over, as the daemon skips it into the dead-letter events. A counted row
/// of no activity is a difference.
/// </summary>
public sealed class DistrictTotalsRebuildCheck(IDocumentStore store) : IReadModelCheck
{
    private readonly DistrictActivityTotalsProjection _projection = new();

    public async Task<ReadModelCheckResult> CheckAsync(IQuerySession session, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var progress = (await store.Advanced.AllProjectionProgress(tenantId, cancellationToken))
            .Where(s => s.ShardName.StartsWith(DistrictActivityTotalsProjection.ProjectionName + ":", StringComparison.Ordinal))
            .Select(s => s.Sequence)
            .DefaultIfEmpty(0)
            .Min();
        var serializer = store.Options.Serializer();
        var differences = new List<RebuildDifference>();
        var checkedStreams = new List<Guid>();
        var rows = 0;
        var leftOut = 0;
        // Every activity, and every counted row besides: one no activity's events gave (inserted by hand) is a
        // difference with nothing rebuilt.
        var ids = (await session.Query<Activity>().Select(a => a.Id).ToListAsync(cancellationToken))
            .Union(await session.Query<CountedActivity>().Select(c => c.Id).ToListAsync(cancellationToken));
        foreach (var id in ids.Order())
        {
            var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
            if (events.Count > 0 && events[^1].Sequence > progress)
            {
                leftOut++;
                continue;
            }

            if (events.Count > 0)
            {
                checkedStreams.Add(id);
            }

            CountedActivity? rebuilt = null;
            foreach (var e in events)
            {
                try
                {
                    rebuilt = _projection.Evolve(rebuilt, id, e);
                }
                catch (InvalidOperationException)
                {
                    // The daemon skips such an event (SkipApplyErrors); so does the check.
                }
            }

            var live = await session.LoadAsync<CountedActivity>(id, cancellationToken);
            rows += live is null ? 0 : 1;
            if (RebuildDifference.Between(id, nameof(CountedActivity), serializer, live, rebuilt) is { } difference)
            {
                differences.Add(difference);
            }
        }

        return new ReadModelCheckResult(nameof(CountedActivity), checkedStreams, rows, differences, leftOut);
    }
}

public static class DistrictTotalsRebuildCheckRegistration
{
    public static IServiceCollection AddDistrictTotalsRebuildCheck(this IServiceCollection services) =>
        services.AddSingleton<IReadModelCheck, DistrictTotalsRebuildCheck>();
}
