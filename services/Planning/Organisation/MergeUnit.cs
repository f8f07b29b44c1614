using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>The unit merges into <see cref="Successor"/> on <see cref="On"/>: it ceases the day before, and its history rolls into the successor.</summary>
public sealed record MergeUnit(string Successor, DateOnly On, string Reason);

public static class MergeUnitEndpoint
{
    [WolverinePost("/api/units/{unit}/organisation/units/{id}/merge")]
    [Tags("Organisation")]
    public static Task<IResult> Post(MergeUnit command, string unit, string id, IDocumentSession session, CancellationToken cancellation) =>
        UnitChanges.ApplyAsync(unit, session, tree =>
        {
            var merged = tree.Find(id);
            var successor = command.Successor is null ? null : tree.FindOn(command.Successor, command.On);
            var check = UnitChanges.Common(tree, id, command.Reason, command.On.AddDays(-1))
                .That(successor is not null && successor.Kind == merged?.Kind, "successor", "successor-missing",
                    $"Không có đơn vị kế thừa {command.Successor} cùng loại vào ngày {command.On:yyyy-MM-dd}.",
                    $"There is no successor {command.Successor} of the same kind on {command.On:yyyy-MM-dd}.")
                .That(command.Successor != id, "successor", "self", "Đơn vị không thể sáp nhập vào chính nó.", "A unit cannot merge into itself.");
            var reason = command.Reason?.Trim() ?? "";
            // An office's communes go with it to its successor.
            IReadOnlyList<object> moves = [.. tree.CommunesOf(id, command.On.AddDays(-1))
                .Select(c => new CommuneMovedToUnit(tree.Id, c.Id, command.Successor ?? "", command.On, reason))];
            return (check, [
                new UnitMergedInto(tree.Id, id, command.Successor ?? "", command.On, reason),
                new UnitClosed(tree.Id, id, command.On.AddDays(-1), reason),
                .. moves]);
        }, cancellation);
}
