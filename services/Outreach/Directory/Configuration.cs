using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Directory;

public static class Configuration
{
    public static StoreOptions AddDirectory(this StoreOptions options)
    {
        // Two approvals of one plan handled at once: the loser's replace fails its check and is retried.
        options.Schema.For<KnownPlan>().UseOptimisticConcurrency(true);
        options.Projections.Snapshot<KnownPartner>(SnapshotLifecycle.Inline);
        return options;
    }
}
