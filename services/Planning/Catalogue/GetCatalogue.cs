using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Catalogue;

/// <summary>The catalogue is reference data, the same for every unit: no tenant.</summary>
public static class GetCatalogueLinesEndpoint
{
    [WolverineGet("/api/catalogue/lines")]
    [NotTenanted]
    [Tags("Catalogue")]
    public static IReadOnlyList<PlanLine> Get(PlanCatalogue catalogue) => catalogue.Lines;
}

public static class GetCatalogueAudiencesEndpoint
{
    [WolverineGet("/api/catalogue/audiences")]
    [NotTenanted]
    [Tags("Catalogue")]
    public static IReadOnlyList<Audience> Get(PlanCatalogue catalogue) => catalogue.Audiences;
}
