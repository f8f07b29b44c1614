using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Outreach.Prospects;

public static class Configuration
{
    /// <summary>The personal-data protector, from <c>PersonalData:MasterKey</c> and <c>PersonalData:PreviousKeys</c>: start-up fails here when one is missing or malformed.</summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var masterKey = PersonalDataProtector.MasterKey(configuration);
        var previousKeys = PersonalDataProtector.PreviousKeys(configuration);
        return services.AddSingleton<UnreadablePersonalData>()
            .AddSingleton(sp => new PersonalDataProtector(masterKey, sp.GetRequiredService<UnreadablePersonalData>(), previousKeys));
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
