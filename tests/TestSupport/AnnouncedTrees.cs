using BhxhPlatform.Contracts.Planning;

namespace BhxhPlatform.TestSupport;

/// <summary>The unit trees Planning would announce (<see cref="UnitTreeChanged"/>), for the services that learn them.</summary>
public static class AnnouncedTrees
{
    /// <summary>The first day of the 2024 tree's units (Planning's <c>InitialOrganisation.ValidFrom</c>).</summary>
    public static readonly DateOnly Start = new(2020, 1, 1);

    /// <summary>
    /// A province of two offices, <paramref name="from"/> and <paramref name="to"/>: the ward <paramref name="commune"/>
    /// belongs to <paramref name="from"/> and, when <paramref name="movedOn"/> is given, to <paramref name="to"/> from that
    /// day on; <paramref name="staying"/> are wards of <paramref name="from"/> that never move.
    /// </summary>
    public static UnitTreeChanged CommuneMoved(
        string province, string from, string to, string commune, DateOnly? movedOn, int version, params string[] staying)
    {
        ArgumentNullException.ThrowIfNull(staying);
        TreeUnitParent[] parents = movedOn is { } day
            ? [new TreeUnitParent(from, Start), new TreeUnitParent(to, day)]
            : [new TreeUnitParent(from, Start)];
        return new UnitTreeChanged(province, version,
        [
            new TreeUnit(province, "ProvincialOffice", Start, null, [new TreeUnitParent(null, Start)]),
            new TreeUnit(from, "DistrictOffice", Start, null, [new TreeUnitParent(province, Start)]),
            new TreeUnit(to, "DistrictOffice", Start, null, [new TreeUnitParent(province, Start)]),
            new TreeUnit(commune, "Ward", Start, null, parents),
            .. staying.Select(ward => new TreeUnit(ward, "Ward", Start, null, [new TreeUnitParent(from, Start)])),
        ]);
    }
}
