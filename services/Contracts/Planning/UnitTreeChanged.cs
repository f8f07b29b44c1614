namespace BhxhPlatform.Contracts.Planning;

/// <summary>
/// Planning → Outreach, Partners: a province's unit tree changed (a version loaded, or a single change); the
/// whole tree with its history, so a receiver needs nothing before it. A higher <paramref name="TreeVersion"/>
/// replaces what a receiver knew. The province is the tenant.
/// </summary>
[ConsumedBy(ServiceNames.Outreach, ServiceNames.Partners)]
public sealed record UnitTreeChanged(string Province, int TreeVersion, IReadOnlyList<TreeUnit> Units);

/// <summary>One unit: <paramref name="Kind"/> is a name of Planning's unit kinds (GrassrootsOffice, DistrictOffice, Commune, Ward, …).</summary>
/// <param name="ValidTo">The last day the unit was valid; null while it is.</param>
/// <param name="Parents">The unit it belonged to, from each day on (a commune's office; an office's province).</param>
public sealed record TreeUnit(string Id, string Kind, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<TreeUnitParent> Parents);

public sealed record TreeUnitParent(string? Parent, DateOnly From);
