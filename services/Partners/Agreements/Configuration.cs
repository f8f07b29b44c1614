using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Partners.Agreements;

public static class Configuration
{
    public static StoreOptions AddAgreements(this StoreOptions options)
    {
        options.Projections.Snapshot<Agreement>(SnapshotLifecycle.Inline);
        options.Schema.For<Agreement>().Index(x => x.Status);
        return options;
    }
}
