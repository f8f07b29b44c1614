using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Partners.Scorecards;

public static class Configuration
{
    public static StoreOptions AddScorecards(this StoreOptions options)
    {
        // What Partners heard of each activity, hand-off batch and enrolment is kept as events (a stream each): on the audit
        // timeline with the sender's correlation id, and replayed by the rebuild check.
        options.Projections.Snapshot<ActivityLedger>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<HandOffBatch>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<AttributedEnrolment>(SnapshotLifecycle.Inline);
        options.Schema.For<CoRunActivity>().Index(x => x.PartnerId).Index(x => x.ActivityId);
        options.Schema.For<HandOffBatch>().Index(x => x.CollectionOrganisationId);
        options.Schema.For<AttributedEnrolment>().Index(x => x.CollectionOrganisationId).Index(x => x.SponsorId).Index(x => x.ActivityId);
        return options;
    }
}
