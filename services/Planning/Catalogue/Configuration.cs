using BhxhPlatform.Planning.Organisation;

namespace BhxhPlatform.Planning.Catalogue;

public static class Configuration
{
    /// <summary>The catalogue and the organisation tree, read once at start.</summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton(PlanCatalogue.Load());
        services.AddSingleton(OrganisationTree.Load());
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
