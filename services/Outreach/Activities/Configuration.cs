using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Activities;

public static class Configuration
{
    public static StoreOptions AddActivities(this StoreOptions options)
    {
        options.Projections.Snapshot<Activity>(SnapshotLifecycle.Inline);

        // The activity log pages a unit's activities by (start time, id): one index on
        // (tenant_id, start time, id) serves every page whatever the filters.
        options.Schema.For<Activity>()
            .StartIndexesByTenantId()
            .Index([a => a.Details.StartedAt, a => a.Id]);
        options.Projections.Add(new DistrictActivityTotalsProjection(), ProjectionLifecycle.Async);

        // The district totals add up a unit's counted activities by form and read the latest: tenant first.
        options.Schema.For<CountedActivity>().StartIndexesByTenantId().Index(c => c.Form).Index(c => c.AsOf);
        return options;
    }
}
