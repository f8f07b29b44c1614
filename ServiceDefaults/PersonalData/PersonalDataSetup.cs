using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Diagnostics.Metrics;

namespace BhxhPlatform.ServiceDefaults.PersonalData;

public static class PersonalDataSetup
{
    /// <summary>
    /// The personal-data protector, from <c>PersonalData:MasterKey</c> and <c>PersonalData:PreviousKeys</c>: start-up fails
    /// here when one is missing or malformed, so a service that seals personal data never runs without its key.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var masterKey = PersonalDataProtector.MasterKey(configuration);
        var previousKeys = PersonalDataProtector.PreviousKeys(configuration);
        return services
            .AddSingleton(sp => new UnreadablePersonalData(
                sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ILogger<UnreadablePersonalData>>(),
                sp.GetService<PlatformService>()?.Name ?? "unknown"))
            .AddSingleton(sp => new PersonalDataProtector(masterKey, sp.GetRequiredService<UnreadablePersonalData>(), previousKeys));
    }

    /// <summary>The people's keys (<see cref="PersonKey"/>), one document per person in the person's tenant.</summary>
    public static StoreOptions AddPersonKeys(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<PersonKey>();
        return options;
    }
}
