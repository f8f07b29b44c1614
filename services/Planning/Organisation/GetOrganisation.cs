using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

public sealed record ProvinceSummary(string Id, string Code, string Name, string Office, int Districts);

public sealed record DistrictSummary(string Id, string Code, string Name, string Office, int Communes);

public static class GetProvincesEndpoint
{
    [WolverineGet("/api/organisation/provinces")]
    [NotTenanted]
    [Tags("Organisation")]
    public static IReadOnlyList<ProvinceSummary> Get(OrganisationTree tree) =>
        tree.Provinces.Select(p => new ProvinceSummary(p.Id, p.Code, p.Name, p.Office, p.Districts.Count)).ToList();
}

public static class GetDistrictsEndpoint
{
    [WolverineGet("/api/organisation/provinces/{province}/districts")]
    [NotTenanted]
    [Tags("Organisation")]
    public static IResult Get(string province, OrganisationTree tree) =>
        tree.FindProvince(province) is { } found
            ? Results.Ok(found.Districts.Select(d => new DistrictSummary(d.Id, d.Code, d.Name, d.Office, d.Communes.Count)).ToList())
            : Results.Problem(ProblemResults.NotFound("Không có tỉnh này.", "No such province."));
}

public static class GetCommunesEndpoint
{
    [WolverineGet("/api/organisation/districts/{district}/communes")]
    [NotTenanted]
    [Tags("Organisation")]
    public static IResult Get(string district, OrganisationTree tree) =>
        tree.FindDistrict(district) is { } found
            ? Results.Ok(found.Communes)
            : Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit."));
}
