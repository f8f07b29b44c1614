using BhxhPlatform.ServiceDefaults;
using JasperFx.Events.Projections;
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
            .Index(x => x.OccurredOn);

        // What other services told Planning is kept as events (one stream per activity, enrolment,
        // training, agreement, partner and commendation), so it is on the audit timeline with the sender's correlation id,
        // in the hash chain, and replayed by the rebuild check; the documents are their snapshots.
        options.Projections.Snapshot<LoggedActivity>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<ReceivedEnrolment>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<HeldTraining>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<KnownAgreement>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<KnownPartner>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<KnownCommendation>(SnapshotLifecycle.Inline);

        // The counts progress reads, kept in the same transaction as the activity's snapshot (see ActivityTalliesProjection).
        options.Projections.Add(new ActivityTalliesProjection(options.Events.DatabaseSchemaName), ProjectionLifecycle.Inline);
        options.Schema.For<ReceivedFact>().Index(x => x.NaturalId);
        return options;
    }
}
