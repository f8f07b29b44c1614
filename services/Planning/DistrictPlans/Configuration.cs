using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Planning.DistrictPlans;

public static class Configuration
{
    public static StoreOptions AddDistrictPlans(this StoreOptions options)
    {
        options.Projections.Snapshot<DistrictPlan>(SnapshotLifecycle.Inline);
        options.Schema.For<DistrictPlan>().Index(x => x.Year);
        return options;
    }
}
