using Marten;

namespace BhxhPlatform.Planning.Progress;

public static class Configuration
{
    public static StoreOptions AddProgress(this StoreOptions options)
    {
        options.Schema.For<LoggedActivity>().Index(x => x.PlanLineCode).UseOptimisticConcurrency(true);
        options.Schema.For<ReceivedFact>().Index(x => x.NaturalId);
        return options;
    }
}
