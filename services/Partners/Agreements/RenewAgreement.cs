using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Renew a signed agreement until a later end date; the expiry moves with it.</summary>
public sealed record RenewAgreement(long Version, DateOnly? EndsOn);

public static class RenewAgreementEndpoint
{
    public static ProblemDetails Validate(RenewAgreement command, Agreement agreement)
    {
        var problem = new Check()
            .Day("endsOn", command.EndsOn, "Ngày kết thúc mới", "The new end date")
            .That(command.EndsOn is not null, "endsOn", "required", "Ngày kết thúc mới không được để trống.", "The new end date is required.")
            .That(command.EndsOn is null || command.EndsOn > agreement.EndsOn, "endsOn", "not-later",
                "Ngày kết thúc mới phải sau ngày kết thúc hiện tại.", "The new end date must be after the current one.")
            .ToProblem();
        if (problem != WolverineContinue.NoProblems)
        {
            return problem;
        }

        return agreement.Status == AgreementStatus.Signed
            ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("agreement-not-signed", "Chỉ gia hạn được thỏa thuận đã ký và còn hiệu lực.",
                "Only a signed agreement in force can be renewed.");
    }

    [WolverinePost("/api/units/{unit}/agreements/{id}/renew")]
    [Tags("Agreements")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce, OutgoingMessages) Post(
        RenewAgreement command, [WriteAggregate] Agreement agreement, TimeProvider clock, IOptions<AgreementOptions> options)
    {
        var renewed = new AgreementRenewed(agreement.Id, agreement.EndsOn, command.EndsOn!.Value, AgreementSchedule.Today(clock));
        var expiry = new OutgoingMessages();
        expiry.AddRange(AgreementSchedule.For(agreement.Id, renewed.EndsOn, clock, options.Value.ExpiryWarningDays));
        return (Results.Ok(new Written(agreement.Id, agreement.Version + 1)), [renewed], new Announce(agreement.Apply(renewed).ToSigned()), expiry);
    }
}
