using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Partners.Registry;

public static class Configuration
{
    public static StoreOptions AddRegistry(this StoreOptions options)
    {
        options.Projections.Snapshot<Partner>(SnapshotLifecycle.Inline);
        return options;
    }
}
