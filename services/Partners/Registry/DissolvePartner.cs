using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Record that a partner organisation no longer exists (merged or disbanded), for a reason.</summary>
public sealed record DissolvePartner(long Version, string Reason);

public static class DissolvePartnerEndpoint
{
    public static ProblemDetails Validate(DissolvePartner command, Partner partner) =>
        new Check().Reason(command.Reason).ToProblem().Then(() => PartnerChecks.NotDissolved(partner));

    [WolverinePost("/api/units/{unit}/partners/{id}/dissolve")]
    [Tags("Partners")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(DissolvePartner command, [WriteAggregate] Partner partner, TimeProvider clock)
    {
        var today = Agreements.AgreementSchedule.Today(clock);
        return (Results.Ok(new Written(partner.Id, partner.Version + 1)),
            [new PartnerDissolved(partner.Id, command.Reason.Trim(), today)],
            new Announce(new PartnerStatusChanged(partner.Id, nameof(PartnerStatus.Dissolved), today, partner.Version + 1)));
    }
}
