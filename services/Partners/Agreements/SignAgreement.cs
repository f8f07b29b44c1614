using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Agreements;

/// <summary>Record that the parties signed a drafted agreement (on <see cref="SignedOn"/>, today when absent).</summary>
public sealed record SignAgreement(long Version, DateOnly? SignedOn);

public static class SignAgreementEndpoint
{
    public static ProblemDetails Validate(SignAgreement command, Agreement agreement, TimeProvider clock)
    {
        var today = AgreementSchedule.Today(clock);
        var problem = new Check()
            .Day("signedOn", command.SignedOn, "Ngày ký", "The signing date")
            .That(command.SignedOn is null || command.SignedOn <= today, "signedOn", "in-future",
                "Ngày ký không được sau hôm nay.", "The signing date cannot be in the future.")
            .ToProblem();
        if (problem != WolverineContinue.NoProblems)
        {
            return problem;
        }

        if (agreement.Status != AgreementStatus.Drafted)
        {
            return ProblemResults.Conflict("agreement-not-draft", "Chỉ ký được thỏa thuận đang ở dạng dự thảo.",
                "Only a drafted agreement can be signed.");
        }

        return agreement.EndsOn <= today
            ? ProblemResults.Rejected("agreement-term-over", "Thời hạn của thỏa thuận đã hết; sửa ngày kết thúc bằng dự thảo mới.",
                "The agreement's term is already over; draft a new one.")
            : WolverineContinue.NoProblems;
    }

    public static Task<ProblemDetails> ValidateAsync(Agreement agreement, IQuerySession session, CancellationToken cancellation) =>
        AgreementChecks.KnownActivePartiesAsync(agreement.PartnerIds, session, cancellation);

    [WolverinePost("/api/units/{unit}/agreements/{id}/sign")]
    [Tags("Agreements")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce, OutgoingMessages) Post(
        SignAgreement command, [WriteAggregate] Agreement agreement, TimeProvider clock, IOptions<AgreementOptions> options)
    {
        var signed = new AgreementConcluded(agreement.Id, command.SignedOn ?? AgreementSchedule.Today(clock));
        var expiry = new OutgoingMessages();
        expiry.AddRange(AgreementSchedule.For(agreement.Id, agreement.EndsOn, clock, options.Value.ExpiryWarningDays));
        return (Results.Ok(new Written(agreement.Id, agreement.Version + 1)), [signed], new Announce(agreement.Apply(signed).ToSigned()), expiry);
    }
}
