using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>From <see cref="On"/>, the unit has a new name; its id, communes and history stay.</summary>
public sealed record RenameUnit(string Name, DateOnly On, string Reason);

public static class RenameUnitEndpoint
{
    [WolverinePost("/api/units/{unit}/organisation/units/{id}/rename")]
    [Tags("Organisation")]
    public static Task<(IResult, Announce)> Post(RenameUnit command, string unit, string id, IDocumentSession session, OrganisationDirectory directory,
        CancellationToken cancellation) =>
        UnitChanges.ApplyAsync(unit, session, directory, tree =>
        {
            var check = UnitChanges.Common(tree, id, command.Reason, command.On)
                .Text("name", command.Name, "Tên", "Name", maxLength: 200);
            return (check, [new UnitRenamed(tree.Id, id, command.Name?.Trim() ?? "", command.On, command.Reason?.Trim() ?? "")]);
        }, cancellation);
}
