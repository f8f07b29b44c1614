using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Planning.Rollouts;

public static class Configuration
{
    public static StoreOptions AddRollouts(this StoreOptions options)
    {
        options.Projections.Snapshot<Rollout>(SnapshotLifecycle.Inline);
        options.Schema.For<RolloutDistrictStatus>().Index(x => x.RolloutId);
        return options;
    }
}
