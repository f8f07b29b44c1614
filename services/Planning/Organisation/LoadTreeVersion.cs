using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
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
    public static async Task<(IResult, Announce)> Post(
        LoadTreeVersion command, string unit, IDocumentSession session, OrganisationDirectory directory, CancellationToken cancellation)
    {
        var tree = await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation);
        var (check, changes) = TreeVersionLoad.Decide(tree ?? UnitTree.None(unit), command.Version, command.Reason);
        if (tree is null)
        {
            return (Results.Problem(UnitChanges.NotAProvince(check)), Announce.Nothing);
        }

        if (changes is null)
        {
            return (Results.Problem(check.ToProblem()), Announce.Nothing);
        }

        var announce = Announce.Nothing;
        if (!command.DryRun)
        {
            announce = UnitChanges.Append(session, directory, tree, changes.Events);
        }

        return (Results.Ok(new TreeVersionPreview(
            command.DryRun, command.Version!.Version, command.Version.ValidFrom, changes.Events.Count, changes.Opened, changes.Closed,
            changes.Successions, changes.CommunesWithoutOffice, changes.CommunesFromOtherProvinces)), announce);
    }
}

/// <summary>The checks and the append shared by the single changes to a tree.</summary>
public static class UnitChanges
{
    /// <summary>The unit has no tree (it is not a provincial office): that, and the command's other field errors.</summary>
    public static ProblemDetails NotAProvince(Check others) => ProblemResults.ValidationProblem([new FieldError("unit", "not-a-province",
        "Chỉ BHXH tỉnh mới thay đổi cây đơn vị.", "Only a provincial office changes the unit tree."), .. others.Errors]);

    /// <summary>The checks every single change makes: a reason, a day no earlier than the unit's start, and the unit valid on the day.</summary>
    public static Check Common(UnitTree tree, string id, string? reason, DateOnly on)
    {
        var unit = tree.Find(id);
        return new Check()
            .Text("reason", reason, "Lý do", "Reason", maxLength: 1000)
            .That(on > DateOnly.MinValue, "on", "required", "Ngày hiệu lực không được để trống.", "The day the change takes effect is required.")
            .Day("on", on == DateOnly.MinValue ? null : on, "Ngày hiệu lực", "The day the change takes effect")
            .That(unit is not null, "id", "unknown-unit", $"Không có đơn vị {id}.", $"There is no unit {id}.")
            .That(unit is null || unit.ValidOn(on), "on", "unit-not-valid",
                $"Đơn vị {id} không còn hiệu lực vào ngày {on:yyyy-MM-dd}.", $"The unit {id} is not valid on {on:yyyy-MM-dd}.");
    }

    /// <summary>Loads the province's tree, decides, and appends the events with the tree's expected version; nothing on a refusal.</summary>
    public static async Task<(IResult, Announce)> ApplyAsync(
        string unit, IDocumentSession session, OrganisationDirectory directory, Func<UnitTree, (Check Check, IReadOnlyList<object> Events)> decide,
        CancellationToken cancellation)
    {
        var tree = await session.LoadAsync<UnitTree>(UnitTree.IdOf(unit), cancellation);
        var (check, events) = decide(tree ?? UnitTree.None(unit));
        if (tree is null)
        {
            return (Results.Problem(NotAProvince(check)), Announce.Nothing);
        }

        if (!check.IsValid)
        {
            return (Results.Problem(check.ToProblem()), Announce.Nothing);
        }

        return (Results.NoContent(), Append(session, directory, tree, events));
    }

    /// <summary>
    /// Appends at the tree's expected version and announces the tree as it will be; this service's directory
    /// learns new offices at once (another replica learns them when it next reads the tree).
    /// </summary>
    public static Announce Append(IDocumentSession session, OrganisationDirectory directory, UnitTree tree, IReadOnlyList<object> events)
    {
        session.Events.Append(tree.Id, tree.Version + events.Count, [.. events]);
        var after = tree.After(events);
        directory.Learn(after.Province, after.Offices);
        return new Announce(after.ChangedMessage());
    }
}
