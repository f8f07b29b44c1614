using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Employers;

public static class Configuration
{
    public static StoreOptions AddEmployers(this StoreOptions options)
    {
        options.Projections.Snapshot<EmployerDisclosure>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<EmployerPraise>(SnapshotLifecycle.Inline);
        return options;
    }
}
