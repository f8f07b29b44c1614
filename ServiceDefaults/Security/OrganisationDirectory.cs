using System.Text.Json;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>
/// The organisation tree (province → districts) as data: which units exist and which province
/// each district belongs to. Loaded from the same <c>organisation.json</c> Planning serves.
/// </summary>
public sealed class OrganisationDirectory
{
    private readonly Dictionary<string, string?> _provinceOfUnit;

    public OrganisationDirectory(IEnumerable<(string Province, IEnumerable<string> Districts)> provinces)
    {
        _provinceOfUnit = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (province, districts) in provinces)
        {
            _provinceOfUnit[province] = null;
            foreach (var district in districts)
            {
                _provinceOfUnit[district] = province;
            }
        }
    }

    public bool Exists(string unit) => _provinceOfUnit.ContainsKey(unit);

    /// <summary>The province a district belongs to; null for a province or an unknown unit.</summary>
    public string? ProvinceOf(string unit) => _provinceOfUnit.GetValueOrDefault(unit);

    public IEnumerable<string> DistrictsOf(string province) =>
        _provinceOfUnit.Where(u => u.Value == province).Select(u => u.Key);

    /// <summary>Reads the tree embedded in this assembly (a link to Planning's organisation.json).</summary>
    public static OrganisationDirectory Embedded()
    {
        using var stream = typeof(OrganisationDirectory).Assembly.GetManifestResourceStream("organisation.json")
            ?? throw new InvalidOperationException("organisation.json is not embedded in ServiceDefaults.");
        using var document = JsonDocument.Parse(stream);
        return new OrganisationDirectory(document.RootElement.GetProperty("provinces").EnumerateArray().Select(p => (
            p.GetProperty("id").GetString()!,
            p.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("id").GetString()!))).ToList());
    }
}
