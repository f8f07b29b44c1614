using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>Load a new version of the province's tree from a file's content; with <see cref="DryRun"/>, only show what it would change.</summary>
public sealed record LoadTreeVersion(string Reason, TreeVersionFile? Version, bool DryRun);

public sealed record TreeVersionPreview(
    bool DryRun, string Version, DateOnly ValidFrom, int Events, IReadOnlyList<string> Opened, IReadOnlyList<string> Closed,
    IReadOnlyList<Succession> Successions, IReadOnlyList<string> CommunesWithoutOffice, int CommunesFromOtherProvinces);

public static class LoadTreeVersionEndpoint
{
    [WolverinePost("/api/units/{unit}/organisation/versions")]
    [Tags("Organisation")]
    public static async Task<IResult> Post(LoadTreeVersion command, string unit, IDocumentSession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation) is not { } tree)
        {
            return Results.Problem(UnitChanges.NotAProvince());
        }

        var (check, changes) = TreeVersionLoad.Decide(tree, command.Version, command.Reason);
        if (changes is null)
        {
            return Results.Problem(check.ToProblem());
        }

        if (!command.DryRun)
        {
            session.Events.Append(tree.Id, tree.Version + changes.Events.Count, [.. changes.Events]);
        }

        return Results.Ok(new TreeVersionPreview(
            command.DryRun, command.Version!.Version, command.Version.ValidFrom, changes.Events.Count, changes.Opened, changes.Closed,
            changes.Successions, changes.CommunesWithoutOffice, changes.CommunesFromOtherProvinces));
    }
}

/// <summary>The checks and the append shared by the single changes to a tree.</summary>
public static class UnitChanges
{
    public static ProblemDetails NotAProvince() => ProblemResults.ValidationProblem([new FieldError("unit", "not-a-province",
        "Chỉ BHXH tỉnh mới thay đổi cây đơn vị.", "Only a provincial office changes the unit tree.")]);

    /// <summary>The checks every single change makes: a reason, a day no earlier than the unit's start, and the unit valid on the day.</summary>
    public static Check Common(UnitTree tree, string id, string? reason, DateOnly on)
    {
        var unit = tree.Find(id);
        return new Check()
            .Text("reason", reason, "Lý do", "Reason", maxLength: 1000)
            .That(unit is not null, "id", "unknown-unit", $"Không có đơn vị {id}.", $"There is no unit {id}.")
            .That(unit is null || unit.ValidOn(on), "on", "unit-not-valid",
                $"Đơn vị {id} không còn hiệu lực vào ngày {on:yyyy-MM-dd}.", $"The unit {id} is not valid on {on:yyyy-MM-dd}.");
    }

    /// <summary>Loads the province's tree, decides, and appends the events with the tree's expected version; nothing on a refusal.</summary>
    public static async Task<IResult> ApplyAsync(
        string unit, IDocumentSession session, Func<UnitTree, (Check Check, IReadOnlyList<object> Events)> decide, CancellationToken cancellation)
    {
        if (await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation) is not { } tree)
        {
            return Results.Problem(NotAProvince());
        }

        var (check, events) = decide(tree);
        if (!check.IsValid)
        {
            return Results.Problem(check.ToProblem());
        }

        session.Events.Append(tree.Id, tree.Version + events.Count, [.. events]);
        return Results.NoContent();
    }
}
