using BhxhPlatform.ServiceDefaults;
using Marten;

namespace BhxhPlatform.Planning.Progress;

public static class Configuration
{
    public static StoreOptions AddProgress(this StoreOptions options)
    {
        // Progress reads a unit's activities by line (lines endpoint) and by day (the year's report):
        // both indexes start with the tenant, so one district's reads never walk the others' rows.
        // The day is a date column of its own, not Marten's date function on the JSON.
        options.DuplicateColumn<LoggedActivity>(x => x.OccurredOn);
        options.Schema.For<LoggedActivity>()
            .StartIndexesByTenantId()
            .Index(x => x.PlanLineCode)
            .Index(x => x.OccurredOn)
            .UseOptimisticConcurrency(true);
        options.Schema.For<ReceivedFact>().Index(x => x.NaturalId);
        return options;
    }
}
