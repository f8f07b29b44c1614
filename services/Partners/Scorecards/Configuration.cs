using Marten;

namespace BhxhPlatform.Partners.Scorecards;

public static class Configuration
{
    public static StoreOptions AddScorecards(this StoreOptions options)
    {
        options.Schema.For<CoRunActivity>().Index(x => x.PartnerId);
        return options;
    }
}
