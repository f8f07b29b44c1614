using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Activities;

public static class Configuration
{
    public static StoreOptions AddActivities(this StoreOptions options)
    {
        options.Projections.Snapshot<Activity>(SnapshotLifecycle.Inline);
        options.Projections.Add(new DistrictActivityTotalsProjection(), ProjectionLifecycle.Async);
        return options;
    }
}
