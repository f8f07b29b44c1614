using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Suspend an active partner for a reason: it can no longer be a party to new agreements.</summary>
public sealed record SuspendPartner(long Version, string Reason);

public static class SuspendPartnerEndpoint
{
    public static ProblemDetails Validate(SuspendPartner command, Partner partner) =>
        new Check().Reason(command.Reason).ToProblem()
            .Then(() => partner.Status == PartnerStatus.Active
                ? WolverineContinue.NoProblems
                : ProblemResults.Conflict("partner-not-active", "Chỉ tạm dừng được đơn vị đang hoạt động.", "Only an active partner can be suspended."));

    [WolverinePost("/api/units/{unit}/partners/{id}/suspend")]
    [Tags("Partners")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(SuspendPartner command, [WriteAggregate] Partner partner, TimeProvider clock)
    {
        var today = Agreements.AgreementSchedule.Today(clock);
        return (Results.Ok(new Written(partner.Id, partner.Version + 1)),
            [new PartnerSuspended(partner.Id, command.Reason.Trim(), today)],
            new Announce(new PartnerStatusChanged(partner.Id, nameof(PartnerStatus.Suspended), today, partner.Version + 1)));
    }
}
