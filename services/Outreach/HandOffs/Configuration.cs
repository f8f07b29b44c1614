using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.HandOffs;

public static class Configuration
{
    public static StoreOptions AddHandOffs(this StoreOptions options)
    {
        options.Projections.Snapshot<HandOffBatch>(SnapshotLifecycle.Inline);
        return options;
    }
}
