using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Planning.DistrictPlans;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>What an organisation unit is. Office kinds are tenants; commune-level units and below are places.</summary>
public enum UnitKind
{
    CentralOffice,
    ProvincialOffice,

    /// <summary>BHXH cơ sở, since 1 July 2025: covers several communes and wards.</summary>
    GrassrootsOffice,

    /// <summary>A district-level office (BHXH huyện, thị xã, thành phố) of the tree before 1 July 2025.</summary>
    DistrictOffice,
    Commune,
    Ward,

    /// <summary>Ấp, khu phố, tổ dân phố.</summary>
    Hamlet,
}

/// <summary>How a unit's history passes to another unit.</summary>
public enum SuccessionKind
{
    MergedInto,
    SplitFrom,
}

// Every change names the day it takes effect and the reason given by whoever made it; who and when are
// the event's own metadata (user name and timestamp), set by ServiceDefaults' audit middleware.

/// <summary>A version of the tree (a file of units valid from a day) was loaded; the events that follow in the same append are its changes.</summary>
public sealed record TreeVersionLoaded(
    Guid TreeId, string Province, string Version, DateOnly ValidFrom, IReadOnlyList<string> Sources, IReadOnlyList<string> Unverified, string Reason);

public sealed record UnitOpened(
    Guid TreeId, string Unit, UnitKind Kind, string? Code, string Name, string? Parent, DateOnly ValidFrom, string Reason);

/// <summary>The unit ceased: <paramref name="LastDay"/> is the last day it was valid.</summary>
public sealed record UnitClosed(Guid TreeId, string Unit, DateOnly LastDay, string Reason);

/// <summary>The unit's area and history passed whole to <paramref name="Successor"/> (which may have taken in others too).</summary>
public sealed record UnitMergedInto(Guid TreeId, string Unit, string Successor, DateOnly On, string Reason);

/// <summary>The unit took over part of <paramref name="Predecessor"/>, which was divided among several successors.</summary>
public sealed record UnitSplitFrom(Guid TreeId, string Unit, string Predecessor, DateOnly On, string Reason);

public sealed record UnitRenamed(Guid TreeId, string Unit, string Name, DateOnly On, string Reason);

/// <summary>From <paramref name="On"/>, the commune (or ward, or hamlet) belongs to <paramref name="Unit"/>.</summary>
public sealed record CommuneMovedToUnit(Guid TreeId, string Commune, string Unit, DateOnly On, string Reason);

public sealed record UnitName(string Name, DateOnly From);

public sealed record UnitParent(string? Parent, DateOnly From);

/// <summary>One succession: <paramref name="Predecessor"/>'s history continues (in whole or part) in <paramref name="Successor"/>.</summary>
public sealed record Succession(string Predecessor, string Successor, SuccessionKind Kind, DateOnly On);

public sealed record OrganisationUnit(
    string Id, UnitKind Kind, string? Code, IReadOnlyList<UnitName> Names, IReadOnlyList<UnitParent> Parents, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool ValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public string NameOn(DateOnly day) => Names.LastOrDefault(n => n.From <= day)?.Name ?? Names[0].Name;

    public string? ParentOn(DateOnly day) => Parents.LastOrDefault(p => p.From <= day)?.Parent ?? Parents[0].Parent;

    public bool IsOffice => Kind is UnitKind.CentralOffice or UnitKind.ProvincialOffice or UnitKind.GrassrootsOffice or UnitKind.DistrictOffice;

    /// <summary>Offices that adopt and run plans of their own (the provincial office drafts templates instead).</summary>
    public bool RunsPlans => Kind is UnitKind.GrassrootsOffice or UnitKind.DistrictOffice;

    public bool IsCommuneLevel => Kind is UnitKind.Commune or UnitKind.Ward;
}

/// <summary>
/// A province's organisation tree with its whole history (province tenant, one stream per province).
/// Units are never removed: a unit that ceased keeps its id, its dates and its successors.
/// </summary>
public sealed record UnitTree(
    Guid Id, string Province, IReadOnlyDictionary<string, OrganisationUnit> Units, IReadOnlyList<Succession> Successions,
    IReadOnlyList<string> Versions, IReadOnlyList<DateOnly> VersionDates, int Version)
{
    public static Guid IdOf(string province) => DeterministicId.Create($"unit-tree/{province}");

    /// <summary>No tree: what a command is checked against when its unit has none (so every field error is still reported).</summary>
    public static UnitTree None(string province) =>
        new(IdOf(province), province, new Dictionary<string, OrganisationUnit>(StringComparer.Ordinal), [], [], [DateOnly.MinValue], 0);

    public static UnitTree Create(TreeVersionLoaded e) =>
        new(e.TreeId, e.Province, new Dictionary<string, OrganisationUnit>(StringComparer.Ordinal), [], [e.Version], [e.ValidFrom], 1);

    public UnitTree Apply(TreeVersionLoaded e) =>
        this with { Versions = [.. Versions, e.Version], VersionDates = [.. VersionDates, e.ValidFrom], Version = Version + 1 };

    public UnitTree Apply(UnitOpened e) =>
        With(new OrganisationUnit(e.Unit, e.Kind, e.Code, [new UnitName(e.Name, e.ValidFrom)], [new UnitParent(e.Parent, e.ValidFrom)], e.ValidFrom, null));

    public UnitTree Apply(UnitClosed e) => With(Units[e.Unit] with { ValidTo = e.LastDay });

    public UnitTree Apply(UnitRenamed e) => With(Units[e.Unit] with { Names = [.. Units[e.Unit].Names, new UnitName(e.Name, e.On)] });

    public UnitTree Apply(CommuneMovedToUnit e) =>
        With(Units[e.Commune] with { Parents = [.. Units[e.Commune].Parents, new UnitParent(e.Unit, e.On)] });

    public UnitTree Apply(UnitMergedInto e) =>
        this with { Successions = [.. Successions, new Succession(e.Unit, e.Successor, SuccessionKind.MergedInto, e.On)], Version = Version + 1 };

    public UnitTree Apply(UnitSplitFrom e) =>
        this with { Successions = [.. Successions, new Succession(e.Predecessor, e.Unit, SuccessionKind.SplitFrom, e.On)], Version = Version + 1 };

    /// <summary>The tree after <paramref name="events"/> (as Marten's snapshot will be once they are appended).</summary>
    public UnitTree After(IEnumerable<object> events) => events.Aggregate(this, (tree, e) => e switch
    {
        TreeVersionLoaded x => tree.Apply(x),
        UnitOpened x => tree.Apply(x),
        UnitClosed x => tree.Apply(x),
        UnitRenamed x => tree.Apply(x),
        CommuneMovedToUnit x => tree.Apply(x),
        UnitMergedInto x => tree.Apply(x),
        UnitSplitFrom x => tree.Apply(x),
        _ => throw new ArgumentException($"Not an event of the unit tree: {e.GetType().Name}", nameof(events)),
    });

    /// <summary>What Outreach and Partners learn of the tree.</summary>
    public UnitTreeChanged ChangedMessage() => new(Province, Version, [.. Units.Values.OrderBy(u => u.Id, StringComparer.Ordinal)
        .Select(u => new TreeUnit(u.Id, u.Kind.ToString(), u.ValidFrom, u.ValidTo, [.. u.Parents.Select(p => new TreeUnitParent(p.Parent, p.From))]))]);

    /// <summary>
    /// The offices, in ordinal order: the list is stored with the document, and the order of
    /// <see cref="Units"/> differs between a tree folded from its events and one read back from
    /// PostgreSQL (jsonb orders object keys), which the rebuild check reported as a difference.
    /// </summary>
    public IEnumerable<string> Offices => Units.Values.Where(u => u.IsOffice).Select(u => u.Id).Order(StringComparer.Ordinal);

    private UnitTree With(OrganisationUnit unit)
    {
        var units = new Dictionary<string, OrganisationUnit>(Units, StringComparer.Ordinal) { [unit.Id] = unit };
        return this with { Units = units, Version = Version + 1 };
    }

    public OrganisationUnit? Find(string id) => Units.GetValueOrDefault(id);

    public OrganisationUnit? FindOn(string id, DateOnly day) => Find(id) is { } unit && unit.ValidOn(day) ? unit : null;

    public IEnumerable<OrganisationUnit> UnitsOn(DateOnly day) => Units.Values.Where(u => u.ValidOn(day));

    /// <summary>The offices that run plans on the day: district-era offices before 1 July 2025, grassroots offices after (as the data says).</summary>
    public IReadOnlyList<OrganisationUnit> PlanningUnitsOn(DateOnly day) =>
        UnitsOn(day).Where(u => u.RunsPlans && u.ParentOn(day) == Province).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    /// <summary>The communes and wards that belong to <paramref name="unit"/> on the day.</summary>
    public IReadOnlyList<OrganisationUnit> CommunesOf(string unit, DateOnly day) =>
        UnitsOn(day).Where(u => u.IsCommuneLevel && u.ParentOn(day) == unit).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    public bool CommuneBelongsTo(string commune, string unit, DateOnly day) =>
        FindOn(commune, day) is { IsCommuneLevel: true } found && found.ParentOn(day) == unit;

    public IReadOnlyList<Succession> SuccessorsOf(string unit) => Successions.Where(s => s.Predecessor == unit).ToList();

    public IReadOnlyList<Succession> PredecessorsOf(string unit) => Successions.Where(s => s.Successor == unit).ToList();

    /// <summary>The unit and every unit whose history rolls into it, through any number of changes.</summary>
    public IReadOnlyList<string> LineageOf(string unit)
    {
        var seen = new List<string>();
        var queue = new Queue<string>([unit]);
        while (queue.TryDequeue(out var next))
        {
            if (seen.Contains(next))
            {
                continue;
            }

            seen.Add(next);
            foreach (var predecessor in PredecessorsOf(next))
            {
                queue.Enqueue(predecessor.Predecessor);
            }
        }

        return seen;
    }

    /// <summary>The day the latest loaded version took effect.</summary>
    public DateOnly LatestVersionFrom => VersionDates.Max();
}
