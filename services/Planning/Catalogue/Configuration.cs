using BhxhPlatform.Planning.Organisation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BhxhPlatform.Planning.Catalogue;

public static class Configuration
{
    /// <summary>The catalogue and the organisation tree, read once at start; the clock unless tests gave one.</summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton(PlanCatalogue.Load());
        services.AddSingleton(OrganisationTree.Load());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
