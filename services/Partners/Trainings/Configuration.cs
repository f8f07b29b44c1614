using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Partners.Trainings;

public static class Configuration
{
    public static StoreOptions AddTrainings(this StoreOptions options)
    {
        options.Projections.Snapshot<Training>(SnapshotLifecycle.Inline);
        return options;
    }
}
