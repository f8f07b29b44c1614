using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

public sealed record UnitOnDay(string Id, UnitKind Kind, string? Code, string Name, string? Parent, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> Communes);

/// <summary>The tree as it was on a day: every unit valid that day, offices with their communes.</summary>
public sealed record TreeOnDay(string Province, DateOnly On, IReadOnlyList<UnitOnDay> Units);

public sealed record UnitLink(string Unit, SuccessionKind Kind, DateOnly On);

public sealed record UnitHistory(
    string Id, UnitKind Kind, string? Code, IReadOnlyList<UnitName> Names, IReadOnlyList<UnitParent> Parents, DateOnly ValidFrom, DateOnly? ValidTo,
    IReadOnlyList<UnitLink> Predecessors, IReadOnlyList<UnitLink> Successors, IReadOnlyList<string> Lineage);

public static class GetUnitTreeEndpoint
{
    public static TreeOnDay On(UnitTree tree, DateOnly day) => new(tree.Province, day, [.. tree.UnitsOn(day)
        .OrderBy(u => u.Kind).ThenBy(u => u.Id, StringComparer.Ordinal)
        .Select(u => new UnitOnDay(u.Id, u.Kind, u.Code, u.NameOn(day), u.ParentOn(day), u.ValidFrom, u.ValidTo,
            u.IsOffice ? [.. tree.CommunesOf(u.Id, day).Select(c => c.Id)] : []))]);

    /// <summary><c>?on=yyyy-MM-dd</c>, today in Vietnam when absent.</summary>
    [WolverineGet("/api/units/{unit}/organisation")]
    [Tags("Organisation")]
    public static async Task<IResult> Get(string unit, DateOnly? on, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        new Check().Day("on", on, "Ngày (on)", "The day (on)") is { IsValid: false } check
            ? Results.Problem(check.ToProblem())
            : await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation) is { } tree
                ? Results.Ok(On(tree, on ?? VietnamTime.Today(clock)))
                : Results.Problem(ProblemResults.NotFound("Không có cây đơn vị của tỉnh này.", "This province has no unit tree."));
}

public static class GetUnitHistoryEndpoint
{
    [WolverineGet("/api/units/{unit}/organisation/units/{id}/history")]
    [Tags("Organisation")]
    public static async Task<IResult> Get(string unit, string id, IQuerySession session, CancellationToken cancellation)
    {
        var tree = await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation);
        if (tree?.Find(id) is not { } found)
        {
            return Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit."));
        }

        return Results.Ok(new UnitHistory(found.Id, found.Kind, found.Code, found.Names, found.Parents, found.ValidFrom, found.ValidTo,
            [.. tree.PredecessorsOf(id).Select(s => new UnitLink(s.Predecessor, s.Kind, s.On))],
            [.. tree.SuccessorsOf(id).Select(s => new UnitLink(s.Successor, s.Kind, s.On))],
            tree.LineageOf(id)));
    }
}
