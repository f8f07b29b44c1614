using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Rename a partner or correct its type or jurisdiction (the values as they now stand); re-announced to Planning and Outreach.</summary>
public sealed record ChangePartnerDetails(long Version, string Name, PartnerType? Type, string? CommuneId);

public static class ChangePartnerDetailsEndpoint
{
    public static ProblemDetails Validate(ChangePartnerDetails command, Partner partner, string unit) =>
        new Check().Details(command.Name, command.Type, command.CommuneId, unit).ToProblem()
            .Then(() => PartnerChecks.NotDissolved(partner));

    [WolverinePost("/api/units/{unit}/partners/{id}/details")]
    [Tags("Partners")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(ChangePartnerDetails command, [WriteAggregate] Partner partner)
    {
        var communeId = string.IsNullOrEmpty(command.CommuneId) ? null : command.CommuneId;
        var changed = new PartnerDetailsChanged(partner.Id, command.Name.Trim(), command.Type!.Value, communeId);
        // Re-announced so the directories Planning and Outreach keep by partner id follow the change.
        return (Results.Ok(new Written(partner.Id, partner.Version + 1)), [changed],
            new Announce(new PartnerRegistered(partner.Id, changed.Name, changed.Type.ToString(), changed.CommuneId)));
    }
}
