using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>From <see cref="On"/>, the commune (or ward, or hamlet) belongs to the office <see cref="Unit"/>.</summary>
public sealed record MoveCommuneToUnit(string Unit, DateOnly On, string Reason);

public static class MoveCommuneToUnitEndpoint
{
    [WolverinePost("/api/units/{unit}/organisation/units/{id}/move")]
    [Tags("Organisation")]
    public static Task<(IResult, Announce)> Post(MoveCommuneToUnit command, string unit, string id, IDocumentSession session, OrganisationDirectory directory,
        CancellationToken cancellation) =>
        UnitChanges.ApplyAsync(unit, session, directory, tree =>
        {
            var commune = tree.Find(id);
            var target = command.Unit is null ? null : tree.FindOn(command.Unit, command.On);
            var check = UnitChanges.Common(tree, id, command.Reason, command.On)
                .Text("unit", command.Unit, "Đơn vị", "Unit", maxLength: 100)
                .That(commune is null || !commune.IsOffice, "id", "not-a-commune", "Chỉ chuyển được xã, phường hoặc ấp.", "Only a commune, ward or hamlet moves.")
                .That(target is { RunsPlans: true }, "unit", "unknown-unit",
                    $"Không có đơn vị cơ sở {command.Unit} vào ngày {command.On:yyyy-MM-dd}.", $"There is no office {command.Unit} on {command.On:yyyy-MM-dd}.")
                .That(commune is null || commune.ParentOn(command.On) != command.Unit, "unit", "already-there",
                    "Xã đã thuộc đơn vị này.", "The commune already belongs to this unit.");
            return (check, [new CommuneMovedToUnit(tree.Id, id, command.Unit ?? "", command.On, command.Reason?.Trim() ?? "")]);
        }, cancellation);
}
