using BhxhPlatform.ServiceDefaults.PersonalData;
using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class Configuration
{
    public static StoreOptions AddProspects(this StoreOptions options)
    {
        options.Projections.Snapshot<Prospect>(SnapshotLifecycle.Inline);

        // The follow-up list reads the open prospects by their next contact.
        options.Schema.For<Prospect>().StartIndexesByTenantId().Index(p => p.NextContactOn);
        options.Projections.Snapshot<ProspectContactKey>(SnapshotLifecycle.Inline);
        options.AddPersonKeys();
        return options;
    }
}
