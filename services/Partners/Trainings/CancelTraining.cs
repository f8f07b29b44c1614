using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Trainings;

/// <summary>Cancel a scheduled training, for a reason.</summary>
public sealed record CancelTraining(long Version, string Reason);

public static class CancelTrainingEndpoint
{
    public static ProblemDetails Validate(CancelTraining command, Training training)
    {
        var fields = new Check().Text("reason", command.Reason, "Lý do hủy", "Reason", maxLength: 1000).ToProblem();
        return fields != WolverineContinue.NoProblems ? fields
            : training.Status == TrainingStatus.Scheduled ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("training-not-scheduled", "Chỉ hủy được buổi tập huấn đang theo lịch.", "Only a scheduled training can be cancelled.");
    }

    [WolverinePost("/api/units/{unit}/trainings/{id}/cancel")]
    [Tags("Trainings")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(CancelTraining command, [WriteAggregate] Training training) =>
        (Results.Ok(new Written(training.Id, training.Version + 1)), [new TrainingCancelled(training.Id, command.Reason.Trim())]);
}
