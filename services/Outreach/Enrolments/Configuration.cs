using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Enrolments;

public static class Configuration
{
    public static StoreOptions AddEnrolments(this StoreOptions options)
    {
        options.Projections.Snapshot<Enrolment>(SnapshotLifecycle.Inline);
        return options;
    }
}
