using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Make a suspended partner active again.</summary>
public sealed record ReactivatePartner(long Version);

public static class ReactivatePartnerEndpoint
{
    public static ProblemDetails Validate(Partner partner) =>
        partner.Status == PartnerStatus.Suspended
            ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("partner-not-suspended", "Chỉ kích hoạt lại được đơn vị đang tạm dừng.", "Only a suspended partner can be reactivated.");

    [WolverinePost("/api/units/{unit}/partners/{id}/reactivate")]
    [Tags("Partners")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(ReactivatePartner command, [WriteAggregate] Partner partner, TimeProvider clock)
    {
        var today = Agreements.AgreementSchedule.Today(clock);
        return (Results.Ok(new Written(partner.Id, partner.Version + 1)), [new PartnerReactivated(partner.Id, today)],
            new Announce(new PartnerStatusChanged(partner.Id, nameof(PartnerStatus.Active), today, partner.Version + 1)));
    }
}
