using System.Text.Json;
using BhxhPlatform.ServiceDefaults.Problems;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>A commune-level unit's predecessor: a commune of the current tree, or (<see cref="Province"/>) an area from a merged-in province.</summary>
public sealed record FormedFrom(string? Commune, string? Province, string? Name);

public sealed record VersionCommune(string Id, string? Code, string Name, string Kind, IReadOnlyList<FormedFrom>? FormedFrom);

public sealed record VersionOffice(string Id, string Name, IReadOnlyList<string>? Communes, IReadOnlyList<string>? PredecessorDistricts, bool Verified);

public sealed record VersionProvince(string Id, string? Code, string Name, string? Office, IReadOnlyList<string>? Predecessors);

/// <summary>
/// A new version of a province's tree as a data file (<c>Organisation/trees/*.json</c>): its communes and wards with what
/// each was formed from, and the grassroots offices that cover them with the district-era offices they succeed.
/// </summary>
public sealed record TreeVersionFile(
    string Version, DateOnly ValidFrom, IReadOnlyList<JsonElement>? Sources, IReadOnlyList<JsonElement>? Unverified, VersionProvince Province,
    IReadOnlyList<VersionCommune> Communes, IReadOnlyList<VersionOffice>? GrassrootsOffices)
{
    public static TreeVersionFile Read(Stream stream) =>
        JsonSerializer.Deserialize<TreeVersionFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The tree version file is empty.");
}

/// <summary>What a version load changes: the events to append and what the preview shows.</summary>
public sealed record TreeVersionChanges(
    IReadOnlyList<object> Events, IReadOnlyList<string> Opened, IReadOnlyList<string> Closed, IReadOnlyList<Succession> Successions,
    IReadOnlyList<string> CommunesWithoutOffice, int CommunesFromOtherProvinces);

/// <summary>The pure decision of a version load: the field errors, or the changes.</summary>
public static class TreeVersionLoad
{
    public static (Check Check, TreeVersionChanges? Changes) Decide(UnitTree tree, TreeVersionFile? file, string? reason)
    {
        var check = new Check().Text("reason", reason, "Lý do", "Reason", maxLength: 1000);
        if (file is null)
        {
            check.Add("version", "required", "Chưa có phiên bản cây đơn vị.", "The tree version is required.");
            return (check, null);
        }

        check.Text("version.version", file.Version, "Tên phiên bản", "Version name", maxLength: 100)
            .That(file.Province?.Id == tree.Province, "version.province.id", "other-province",
                "Phiên bản này là của tỉnh khác.", "This version is of another province.")
            .That(!tree.Versions.Contains(file.Version), "version.version", "already-loaded",
                "Phiên bản này đã được nạp.", "This version is already loaded.")
            .That(file.ValidFrom > tree.LatestVersionFrom, "version.validFrom", "not-after-current",
                $"Ngày hiệu lực phải sau {tree.LatestVersionFrom:yyyy-MM-dd} (phiên bản hiện hành).",
                $"The version must take effect after {tree.LatestVersionFrom:yyyy-MM-dd} (the current version).");
        if (!check.IsValid)
        {
            return (check, null);
        }

        var from = file.ValidFrom;
        var lastDay = from.AddDays(-1);
        var text = reason!.Trim();
        var before = tree.UnitsOn(lastDay).ToList();
        var communesBefore = before.Where(u => u.IsCommuneLevel).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var officesBefore = before.Where(u => u.RunsPlans).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var otherProvinces = (file.Province?.Predecessors ?? []).Where(p => p != tree.Province).ToHashSet(StringComparer.Ordinal);

        var newIds = new HashSet<string>(StringComparer.Ordinal);
        var successorsOfCommune = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fromOtherProvinces = 0;
        for (var i = 0; i < file.Communes.Count; i++)
        {
            var commune = file.Communes[i];
            var field = $"version.communes[{i}]";
            check.Text($"{field}.id", commune.Id, "Mã xã", "Commune id", maxLength: 100)
                .Text($"{field}.name", commune.Name, "Tên xã", "Commune name", maxLength: 200)
                .That(commune.Kind is "ward" or "commune", $"{field}.kind", "unknown-kind",
                    "Loại phải là \"ward\" (phường) hoặc \"commune\" (xã).", "The kind must be \"ward\" or \"commune\".");
            if (string.IsNullOrWhiteSpace(commune.Id))
            {
                continue;
            }

            check.That(newIds.Add(commune.Id) && tree.Find(commune.Id) is null, $"{field}.id", "duplicate",
                $"Mã {commune.Id} đã có.", $"The id {commune.Id} is already used.");
            var formedFrom = commune.FormedFrom ?? [];
            for (var j = 0; j < formedFrom.Count; j++)
            {
                var predecessor = formedFrom[j];
                if (predecessor.Commune is { } old)
                {
                    var known = communesBefore.Contains(old);
                    check.That(known, $"{field}.formedFrom[{j}].commune", "unknown-predecessor",
                        $"Không có xã {old} trong cây hiện hành.", $"There is no commune {old} in the current tree.");
                    if (known)
                    {
                        successorsOfCommune.TryAdd(old, []);
                        successorsOfCommune[old].Add(commune.Id);
                    }
                }
                else if (predecessor.Province is { } p && otherProvinces.Contains(p))
                {
                    fromOtherProvinces++;
                }
                else
                {
                    check.Add($"{field}.formedFrom[{j}]", "unknown-predecessor", "Nơi hình thành phải là một xã hoặc một tỉnh hợp nhất vào tỉnh.",
                        "A predecessor must be a commune or a province named among the province's predecessors.");
                }
            }
        }

        foreach (var old in communesBefore.Order(StringComparer.Ordinal).Where(c => !successorsOfCommune.ContainsKey(c)))
        {
            check.Add("version.communes", "successor-missing", $"Xã {old} không có đơn vị kế thừa.", $"The commune {old} has no successor.");
        }

        var offices = file.GrassrootsOffices ?? [];
        var officeOfCommune = new Dictionary<string, string>(StringComparer.Ordinal);
        var successorsOfOffice = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var k = 0; k < offices.Count; k++)
        {
            var office = offices[k];
            var field = $"version.grassrootsOffices[{k}]";
            check.Text($"{field}.id", office.Id, "Mã đơn vị", "Unit id", maxLength: 100)
                .Text($"{field}.name", office.Name, "Tên đơn vị", "Unit name", maxLength: 200);
            if (string.IsNullOrWhiteSpace(office.Id))
            {
                continue;
            }

            check.That(newIds.Add(office.Id) && tree.Find(office.Id) is null, $"{field}.id", "duplicate",
                $"Mã {office.Id} đã có.", $"The id {office.Id} is already used.");
            var communes = office.Communes ?? [];
            for (var m = 0; m < communes.Count; m++)
            {
                var id = communes[m];
                if (!file.Communes.Any(c => c.Id == id))
                {
                    check.Add($"{field}.communes[{m}]", "unknown-commune", $"Không có xã {id} trong phiên bản.", $"There is no commune {id} in the version.");
                }
                else if (!officeOfCommune.TryAdd(id, office.Id))
                {
                    check.Add($"{field}.communes[{m}]", "claimed-twice", $"Xã {id} đã thuộc đơn vị {officeOfCommune[id]}.",
                        $"The commune {id} is already claimed by the unit {officeOfCommune[id]}.");
                }
            }

            var districts = office.PredecessorDistricts ?? [];
            for (var m = 0; m < districts.Count; m++)
            {
                var known = officesBefore.Contains(districts[m]);
                check.That(known, $"{field}.predecessorDistricts[{m}]", "unknown-predecessor",
                    $"Không có đơn vị {districts[m]} trong cây hiện hành.", $"There is no unit {districts[m]} in the current tree.");
                if (known)
                {
                    successorsOfOffice.TryAdd(districts[m], []);
                    successorsOfOffice[districts[m]].Add(office.Id);
                }
            }
        }

        // A file that lists no grassroots office yet (its grouping not verified) closes the district-era offices
        // without successors, and every commune belongs to the province until moved; one that lists offices must
        // give each old office a successor.
        foreach (var old in officesBefore.Order(StringComparer.Ordinal).Where(o => offices.Count > 0 && !successorsOfOffice.ContainsKey(o)))
        {
            check.Add("version.grassrootsOffices", "successor-missing", $"Đơn vị {old} không có đơn vị kế thừa.", $"The unit {old} has no successor.");
        }

        if (!check.IsValid)
        {
            return (check, null);
        }

        var events = new List<object>
        {
            new TreeVersionLoaded(tree.Id, tree.Province, file.Version, from, [.. (file.Sources ?? []).Select(e => e.ToString())],
                [.. (file.Unverified ?? []).Select(e => e.ToString())], text),
        };
        events.AddRange(offices.Select(o => new UnitOpened(tree.Id, o.Id, UnitKind.GrassrootsOffice, null, o.Name.Trim(), tree.Province, from, text)));
        events.AddRange(file.Communes.Select(c => new UnitOpened(
            tree.Id, c.Id, c.Kind == "ward" ? UnitKind.Ward : UnitKind.Commune, c.Code, c.Name.Trim(),
            officeOfCommune.GetValueOrDefault(c.Id, tree.Province), from, text)));

        var successions = new List<Succession>();
        foreach (var (old, successors) in successorsOfCommune.Concat(successorsOfOffice).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var successor in successors.Distinct())
            {
                if (successors.Count == 1)
                {
                    events.Add(new UnitMergedInto(tree.Id, old, successor, from, text));
                    successions.Add(new Succession(old, successor, SuccessionKind.MergedInto, from));
                }
                else
                {
                    events.Add(new UnitSplitFrom(tree.Id, successor, old, from, text));
                    successions.Add(new Succession(old, successor, SuccessionKind.SplitFrom, from));
                }
            }

            events.Add(new UnitClosed(tree.Id, old, lastDay, text));
        }

        var opened = events.OfType<UnitOpened>().Select(e => e.Unit).ToList();
        var closed = events.OfType<UnitClosed>().Select(e => e.Unit).ToList();
        var withoutOffice = file.Communes.Where(c => !officeOfCommune.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        return (check, new TreeVersionChanges(events, opened, closed, successions, withoutOffice, fromOtherProvinces));
    }

    /// <summary>The first version of a province's tree, from the 2024 organisation file: no predecessors, so no successions.</summary>
    public static IReadOnlyList<object> Initial(Province province, DateOnly validFrom, string reason)
    {
        var id = UnitTree.IdOf(province.Id);
        var events = new List<object>
        {
            new TreeVersionLoaded(id, province.Id, "2024", validFrom, ["organisation.json"], [], reason),
            new UnitOpened(id, province.Id, UnitKind.ProvincialOffice, province.Code, province.Office, null, validFrom, reason),
        };
        foreach (var district in province.Districts)
        {
            events.Add(new UnitOpened(id, district.Id, UnitKind.DistrictOffice, district.Code, district.Office, province.Id, validFrom, reason));
            events.AddRange(district.Communes.Select(c => new UnitOpened(
                id, c.Id, c.Name.StartsWith("Phường", StringComparison.Ordinal) ? UnitKind.Ward : UnitKind.Commune, c.Code, c.Name,
                district.Id, validFrom, reason)));
        }

        return events;
    }
}
