using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>The unit merges into <see cref="Successor"/> on <see cref="On"/>: it ceases the day before, and its history rolls into the successor.</summary>
public sealed record MergeUnit(string Successor, DateOnly On, string Reason);

public static class MergeUnitEndpoint
{
    [WolverinePost("/api/units/{unit}/organisation/units/{id}/merge")]
    [Tags("Organisation")]
    public static Task<(IResult, Announce)> Post(MergeUnit command, string unit, string id, IDocumentSession session, OrganisationDirectory directory,
        CancellationToken cancellation) =>
        UnitChanges.ApplyAsync(unit, session, directory, tree =>
        {
            var merged = tree.Find(id);
            var lastDay = command.On > DateOnly.MinValue ? command.On.AddDays(-1) : command.On;
            var successor = command.Successor is null ? null : tree.FindOn(command.Successor, command.On);
            var check = UnitChanges.Common(tree, id, command.Reason, lastDay)
                .Text("successor", command.Successor, "Đơn vị kế thừa", "Successor", maxLength: 100)
                .That(successor is not null && successor.Kind == merged?.Kind, "successor", "successor-missing",
                    $"Không có đơn vị kế thừa {command.Successor} cùng loại vào ngày {command.On:yyyy-MM-dd}.",
                    $"There is no successor {command.Successor} of the same kind on {command.On:yyyy-MM-dd}.")
                .That(command.Successor != id, "successor", "self", "Đơn vị không thể sáp nhập vào chính nó.", "A unit cannot merge into itself.");
            var reason = command.Reason?.Trim() ?? "";
            // An office's communes go with it to its successor.
            IReadOnlyList<object> moves = [.. tree.CommunesOf(id, lastDay)
                .Select(c => new CommuneMovedToUnit(tree.Id, c.Id, command.Successor ?? "", command.On, reason))];
            return (check, [
                new UnitMergedInto(tree.Id, id, command.Successor ?? "", command.On, reason),
                new UnitClosed(tree.Id, id, lastDay, reason),
                .. moves]);
        }, cancellation);
}
