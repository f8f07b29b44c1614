using Marten;

namespace BhxhPlatform.Partners.Scorecards;

public static class Configuration
{
    public static StoreOptions AddScorecards(this StoreOptions options)
    {
        options.Schema.For<CoRunActivity>().Index(x => x.PartnerId).Index(x => x.ActivityId);
        options.Schema.For<HandOffBatch>().Index(x => x.CollectionOrganisationId);
        options.Schema.For<AttributedEnrolment>().Index(x => x.CollectionOrganisationId).Index(x => x.SponsorId).Index(x => x.ActivityId);
        return options;
    }
}
