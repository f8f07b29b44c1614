using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class Configuration
{
    public static StoreOptions AddProspects(this StoreOptions options)
    {
        options.Projections.Snapshot<Prospect>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<ProspectContactKey>(SnapshotLifecycle.Inline);
        return options;
    }
}
