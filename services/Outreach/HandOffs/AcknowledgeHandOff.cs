using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.HandOffs;

/// <summary>The collection-service organisation acknowledged receiving the list.</summary>
public sealed record AcknowledgeHandOff(long Version, DateOnly AcknowledgedOn);

public static class AcknowledgeHandOffEndpoint
{
    public static ProblemDetails Validate(AcknowledgeHandOff command, HandOffBatch batch, TimeProvider clock, HttpContext context)
    {
        if (!context.Reaches(batch.CollectionOrganisationId))
        {
            return SecurityExtensions.OutsideOrganisation();
        }

        var check = new Check()
            .That(command.AcknowledgedOn != default, "acknowledgedOn", "required", "Ngày xác nhận không được để trống.", "The acknowledgement date is required.")
            .That(command.AcknowledgedOn >= batch.HandedOffOn, "acknowledgedOn", "before-hand-off",
                "Ngày xác nhận không được trước ngày bàn giao.", "The acknowledgement cannot be before the hand-off.")
            .That(command.AcknowledgedOn <= Formats.LocalDay(clock.GetUtcNow()), "acknowledgedOn", "in-future",
                "Ngày xác nhận không được ở tương lai.", "The acknowledgement date cannot be in the future.");
        if (!check.IsValid)
        {
            return check.ToProblem();
        }

        return batch.AcknowledgedOn is null
            ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("already-acknowledged", "Danh sách đã được xác nhận.", "The batch was already acknowledged.");
    }

    [WolverinePost("/api/units/{unit}/hand-offs/{id}/acknowledgement")]
    [Tags("Hand-offs")]
    [FiltersByOrganisation]
    public static (IResult, Events) Post(AcknowledgeHandOff command, [WriteAggregate] HandOffBatch batch) =>
        (Results.Accepted(), [new HandOffAcknowledged(batch.Id, command.AcknowledgedOn)]);
}
