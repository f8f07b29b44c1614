using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Trainings;

/// <summary>
/// Record that a scheduled training took place: a head count, the collaborators who attended, or
/// both (the count then includes them).
/// </summary>
public sealed record HoldTraining(long Version, DateOnly? HeldOn, int? Attendees, IReadOnlyList<Guid>? CollaboratorIds);

public static class HoldTrainingEndpoint
{
    public const int MaxAttendees = 10_000;

    public static ProblemDetails Validate(HoldTraining command, Training training, TimeProvider clock)
    {
        var ids = command.CollaboratorIds ?? [];
        var check = new Check()
            .Day("heldOn", command.HeldOn, "Ngày tập huấn", "The training date")
            .That(command.HeldOn is not null, "heldOn", "required", "Ngày tổ chức không được để trống.", "The date held is required.")
            .That(command.HeldOn is null || command.HeldOn <= AgreementSchedule.Today(clock), "heldOn", "in-future",
                "Ngày tổ chức không được sau hôm nay.", "The date held cannot be in the future.")
            .That(command.Attendees is not null || ids.Count > 0, "attendees", "required",
                "Cần số người dự hoặc danh sách cộng tác viên dự.", "An attendee count or the attending collaborators are required.")
            .That(ids.All(id => id != Guid.Empty) && ids.Distinct().Count() == ids.Count, "collaboratorIds", "invalid-ids",
                "Danh sách cộng tác viên có mã rỗng hoặc trùng.", "The collaborator list has an empty or repeated id.")
            .That(ids.Count <= MaxAttendees, "collaboratorIds", "too-many", "Quá nhiều cộng tác viên.", "Too many collaborators.");
        if (command.Attendees is { } count)
        {
            check.Range("attendees", count, 1, MaxAttendees, "Số người dự", "Attendees")
                .That(count < 1 || count >= ids.Count, "attendees", "fewer-than-listed",
                    "Số người dự ít hơn số cộng tác viên được nêu.", "The count is smaller than the collaborators listed.");
        }

        return check.ToProblem() != WolverineContinue.NoProblems ? check.ToProblem()
            : training.Status == TrainingStatus.Scheduled ? WolverineContinue.NoProblems
            : ProblemResults.Conflict("training-not-scheduled", "Chỉ ghi nhận được buổi tập huấn đang theo lịch.",
                "Only a scheduled training can be recorded as held.");
    }

    /// <summary>The collaborators listed must be collaborators or agents of this district.</summary>
    public static async Task<ProblemDetails> ValidateAsync(HoldTraining command, IQuerySession session, CancellationToken cancellation)
    {
        var ids = (command.CollaboratorIds ?? []).Where(id => id != Guid.Empty).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return WolverineContinue.NoProblems;
        }

        var known = (await session.LoadManyAsync<Collaborator>(cancellation, ids)).Select(c => c.Id).ToHashSet();
        var check = new Check();
        foreach (var id in ids.Where(id => !known.Contains(id)))
        {
            check.Add("collaboratorIds", "unknown-collaborator", $"Không có cộng tác viên {id} ở đơn vị này.", $"There is no collaborator {id} in this unit.");
        }

        return check.ToProblem();
    }

    [WolverinePost("/api/units/{unit}/trainings/{id}/hold")]
    [Tags("Trainings")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events, Announce) Post(HoldTraining command, [WriteAggregate] Training training)
    {
        var ids = command.CollaboratorIds ?? [];
        var held = new TrainingConducted(training.Id, command.HeldOn!.Value, command.Attendees ?? ids.Count, ids);
        return (Results.Ok(new Written(training.Id, training.Version + 1)), [held],
            new Announce(new Contracts.Partners.TrainingHeld(training.Id, training.AssociationId, held.HeldOn, held.Attendees, training.PlanLineCode)));
    }
}
