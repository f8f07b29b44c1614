using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class Configuration
{
    /// <summary>The personal-data protector, from <c>PersonalData:MasterKey</c>: start-up fails here when it is missing.</summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var masterKey = PersonalDataProtector.MasterKey(configuration);
        return services.AddSingleton<UnreadablePersonalData>()
            .AddSingleton(sp => new PersonalDataProtector(masterKey, sp.GetRequiredService<UnreadablePersonalData>()));
    }

    public static StoreOptions AddProspects(this StoreOptions options)
    {
        options.Projections.Snapshot<Prospect>(SnapshotLifecycle.Inline);

        // The follow-up list reads the open prospects by their next contact.
        options.Schema.For<Prospect>().StartIndexesByTenantId().Index(p => p.NextContactOn);
        options.Projections.Snapshot<ProspectContactKey>(SnapshotLifecycle.Inline);
        options.Schema.For<PersonKey>();
        return options;
    }
}
