using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Planning.Rollouts;

public static class Configuration
{
    public static StoreOptions AddRollouts(this StoreOptions options)
    {
        options.Projections.Snapshot<Rollout>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<RolloutDistrictOutcome>(SnapshotLifecycle.Inline);
        options.Schema.For<RolloutDistrictOutcome>().Index(x => x.RolloutId);
        return options;
    }
}
