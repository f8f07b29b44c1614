using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>How far a role's grant reaches for one operation.</summary>
public enum AccessScope
{
    /// <summary>Any unit (and routes without a unit).</summary>
    Any,

    /// <summary>The caller's province (its own unit, which is a province) and every district of it.</summary>
    Province,

    /// <summary>The caller's own unit only.</summary>
    Unit,

    /// <summary>
    /// The caller's own unit, and within it only what concerns the caller's organisation (the <c>org</c>
    /// claim): the endpoint filters by it (it carries <see cref="FiltersByOrganisationAttribute"/>).
    /// </summary>
    Organisation,
}

/// <summary>What the matrix allowed for one request: the role and scope that allowed it.</summary>
public sealed record AccessGrant(string Operation, string Role, AccessScope Scope, string? Unit, Guid? Organisation, bool MasksPersonalData);

/// <summary>
/// The role × operation matrix, as data: <c>access-matrix.json</c> (embedded in ServiceDefaults)
/// maps every operation id of every service's OpenAPI document to the roles allowed and the scope
/// of each. An operation the matrix does not name is refused to everyone (fail closed).
/// </summary>
public sealed class AccessMatrix
{
    /// <summary>The section of operations every service has (mapped by ServiceDefaults: audit, administration).</summary>
    public const string Common = "common";

    private readonly Dictionary<string, Dictionary<string, IReadOnlyDictionary<string, AccessScope>>> _services;

    private AccessMatrix(Dictionary<string, Dictionary<string, IReadOnlyDictionary<string, AccessScope>>> services, IReadOnlySet<string> masked)
    {
        _services = services;
        RolesWithMaskedPersonalData = masked;
    }

    /// <summary>The roles that see personal data masked (the auditor).</summary>
    public IReadOnlySet<string> RolesWithMaskedPersonalData { get; }

    public IEnumerable<string> Services => _services.Keys;

    /// <summary>The operations named for a service (its own section, not the common one).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, AccessScope>> OperationsOf(string service) =>
        _services.TryGetValue(service, out var operations)
            ? operations.ToDictionary(o => o.Key, o => o.Value)
            : new Dictionary<string, IReadOnlyDictionary<string, AccessScope>>();

    /// <summary>The roles allowed an operation of a service and the scope of each; null when the matrix does not name it.</summary>
    public IReadOnlyDictionary<string, AccessScope>? RulesFor(string service, string operation) =>
        _services.TryGetValue(service, out var own) && own.TryGetValue(operation, out var rules) ? rules
        : _services.TryGetValue(Common, out var common) && common.TryGetValue(operation, out var shared) ? shared
        : null;

    /// <summary>
    /// The grant that allows the caller this operation on this unit (null for a route without a unit),
    /// or null when none does. Of a caller's roles that reach, one that is not narrowed to an organisation
    /// wins, then one that sees personal data, then the widest: a second role never narrows the first.
    /// </summary>
    public AccessGrant? Decide(string operation, IReadOnlyDictionary<string, AccessScope> rules, ClaimsPrincipal user, string? unit, OrganisationDirectory organisation)
    {
        var own = user.FindFirst(PlatformClaims.Unit)?.Value;
        var org = Guid.TryParse(user.FindFirst(PlatformClaims.Organisation)?.Value, out var o) ? o : (Guid?)null;
        foreach (var (role, scope) in rules
            .OrderBy(r => r.Value == AccessScope.Organisation)
            .ThenBy(r => RolesWithMaskedPersonalData.Contains(r.Key))
            .ThenBy(r => r.Value))
        {
            if (!user.IsInRole(role))
            {
                continue;
            }

            var reaches = scope switch
            {
                AccessScope.Any => true,
                AccessScope.Province => own is not null && organisation.Exists(own) && organisation.ProvinceOf(own) is null
                    && (unit is null || unit == own || organisation.ProvinceOf(unit) == own),
                AccessScope.Unit => own is not null && (unit is null || unit == own),
                AccessScope.Organisation => own is not null && org is not null && (unit is null || unit == own),
                _ => false,
            };
            if (reaches)
            {
                return new AccessGrant(operation, role, scope, own, org, RolesWithMaskedPersonalData.Contains(role));
            }
        }

        return null;
    }

    public static AccessMatrix Embedded()
    {
        using var stream = typeof(AccessMatrix).Assembly.GetManifestResourceStream("access-matrix.json")
            ?? throw new InvalidOperationException("access-matrix.json is not embedded in ServiceDefaults.");
        return Parse(stream);
    }

    public static AccessMatrix Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<MatrixFile>(json, FileFormat) ?? throw new InvalidOperationException("access-matrix.json is empty.");
        foreach (var (service, operations) in file.Services)
        {
            foreach (var (operation, rules) in operations)
            {
                var unknown = rules.Keys.Where(r => !PlatformRoles.All.Contains(r)).ToList();
                if (unknown.Count > 0)
                {
                    throw new InvalidOperationException($"access-matrix.json, {service}.{operation}: unknown role(s) {string.Join(", ", unknown)}.");
                }
            }
        }

        return new AccessMatrix(
            file.Services.ToDictionary(s => s.Key, s => s.Value.ToDictionary(o => o.Key, o => (IReadOnlyDictionary<string, AccessScope>)o.Value)),
            file.MaskPersonalData.ToHashSet());
    }

    private static readonly JsonSerializerOptions FileFormat = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private sealed record MatrixFile(
        [property: JsonPropertyName("maskPersonalData")] IReadOnlyList<string> MaskPersonalData,
        [property: JsonPropertyName("services")] Dictionary<string, Dictionary<string, Dictionary<string, AccessScope>>> Services);
}

/// <summary>
/// Marks an endpoint that narrows what it returns or changes to the caller's organisation when the
/// matrix grants it with the <see cref="AccessScope.Organisation"/> scope. The matrix may grant that
/// scope only to such endpoints; anywhere else it is refused (fail closed).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FiltersByOrganisationAttribute : Attribute;
