using Marten;

namespace BhxhPlatform.Partners.Plans;

public static class Configuration
{
    public static StoreOptions AddPlans(this StoreOptions options)
    {
        // Two approvals of one plan handled at once: the loser's replace fails its check and is retried.
        options.Schema.For<KnownPlan>().UseOptimisticConcurrency(true);
        return options;
    }
}
