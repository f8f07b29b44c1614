using System.Collections.Concurrent;
using System.Text.Json;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>
/// Which units (tenants) exist and which province each belongs to, for authorization. It starts from the
/// 2024 <c>organisation.json</c> Planning seeds its tree from, and learns the offices of later versions of the
/// tree (grassroots offices since 1 July 2025) from Planning: in Planning from its own unit tree, elsewhere from
/// <c>UnitTreeChanged</c>. A unit once known stays known: a unit that ceased keeps its history readable.
/// </summary>
public sealed class OrganisationDirectory
{
    private readonly ConcurrentDictionary<string, string?> _provinceOfUnit;

    public OrganisationDirectory(IEnumerable<(string Province, IEnumerable<string> Districts)> provinces)
    {
        _provinceOfUnit = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
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

    /// <summary>Adds the offices of a province's tree (a province's own id is never made a unit of another).</summary>
    public void Learn(string province, IEnumerable<string> offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        _provinceOfUnit.TryAdd(province, null);
        foreach (var office in offices.Where(o => o != province))
        {
            _provinceOfUnit.TryAdd(office, province);
        }
    }

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
