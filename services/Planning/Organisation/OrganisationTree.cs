using System.Reflection;
using System.Text.Json;

namespace BhxhPlatform.Planning.Organisation;

public sealed record Commune(string Id, string Code, string Name);

public sealed record District(string Id, string Code, string Name, string Office, IReadOnlyList<Commune> Communes);

public sealed record Province(string Id, string Code, string Name, string Office, IReadOnlyList<District> Districts);

/// <summary>The organisation units (tenants): provinces, their districts and communes.</summary>
public sealed record OrganisationTree(IReadOnlyList<Province> Provinces)
{
    public const string DefaultProvince = "dong-nai";

    /// <summary>Reads the organisation tree embedded in the service assembly.</summary>
    public static OrganisationTree Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("organisation.json")
            ?? throw new InvalidOperationException("The embedded organisation.json is missing.");
        return JsonSerializer.Deserialize<OrganisationTree>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The embedded organisation.json is empty.");
    }

    public Province? FindProvince(string id) => Provinces.FirstOrDefault(p => p.Id == id);

    public District? FindDistrict(string id) => Provinces.SelectMany(p => p.Districts).FirstOrDefault(d => d.Id == id);

    public Province? ProvinceOf(string districtId) => Provinces.FirstOrDefault(p => p.Districts.Any(d => d.Id == districtId));
}
