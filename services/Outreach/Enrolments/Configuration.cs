using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Enrolments;

public static class Configuration
{
    public static StoreOptions AddEnrolments(this StoreOptions options)
    {
        options.Projections.Snapshot<Enrolment>(SnapshotLifecycle.Inline);

        // The renewal list and its reminders read the cards by their last day.
        options.Schema.For<Enrolment>().StartIndexesByTenantId().Index(e => e.CoverageEndsOn);
        return options;
    }
}
