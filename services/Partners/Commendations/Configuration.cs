using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Partners.Commendations;

public static class Configuration
{
    public static StoreOptions AddCommendations(this StoreOptions options)
    {
        options.Projections.Snapshot<Commendation>(SnapshotLifecycle.Inline);
        options.Schema.For<Commendation>().Index(x => x.Year);
        return options;
    }
}
