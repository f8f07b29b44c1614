using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Employers;

/// <summary>Withdraw a disclosure because the employer paid.</summary>
public sealed record WithdrawDisclosure(long Version, DateOnly PaidOn, string Reason);

public static class WithdrawDisclosureEndpoint
{
    public static ProblemDetails Validate(WithdrawDisclosure command, EmployerDisclosure disclosure, TimeProvider clock)
    {
        var check = new Check()
            .Text("reason", command.Reason, "Lý do gỡ", "Reason for withdrawal", maxLength: 1000)
            .That(command.PaidOn != default, "paidOn", "required", "Ngày đóng đủ không được để trống.", "The payment date is required.")
            .That(command.PaidOn <= Formats.LocalDay(clock.GetUtcNow()), "paidOn", "in-future",
                "Ngày đóng đủ không được ở tương lai.", "The payment date cannot be in the future.");
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return disclosure.Withdrawn
            ? ProblemResults.Conflict("disclosure-withdrawn", "Công khai này đã được gỡ.", "The disclosure was already withdrawn.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/units/{unit}/employer-disclosures/{id}/withdrawal")]
    [Tags("Employers")]
    public static (IResult, Events) Post(WithdrawDisclosure command, [WriteAggregate] EmployerDisclosure disclosure) =>
        (Results.Accepted(), [new EmployerDisclosureWithdrawn(disclosure.Id, command.PaidOn, command.Reason.Trim())]);
}
