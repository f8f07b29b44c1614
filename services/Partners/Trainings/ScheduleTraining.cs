using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Trainings;

/// <summary>Schedule a training for collection-service staff or collaborators, for an association when it is one's.</summary>
public sealed record ScheduleTraining(DateOnly? ScheduledOn, Guid? AssociationId, string Topic, string? PlanLineCode);

public static class ScheduleTrainingEndpoint
{
    public static ProblemDetails Validate(ScheduleTraining command) =>
        new Check()
            .Day("scheduledOn", command.ScheduledOn, "Ngày tập huấn", "The date")
            .That(command.ScheduledOn is not null, "scheduledOn", "required", "Ngày tập huấn không được để trống.", "The date is required.")
            .That(command.AssociationId != Guid.Empty, "associationId", "empty-id", "Mã hội không hợp lệ.", "The association id is empty.")
            .Text("topic", command.Topic, "Chủ đề", "Topic", maxLength: 500)
            .PlanLineCode("planLineCode", command.PlanLineCode)
            .ToProblem();

    public static Task<ProblemDetails> ValidateAsync(ScheduleTraining command, IQuerySession session, CancellationToken cancellation) =>
        AgreementChecks.KnownActivePartiesAsync(command.AssociationId is { } id ? [id] : [], session, cancellation, "associationId");

    [WolverinePost("/api/units/{unit}/trainings")]
    [Tags("Trainings")]
    public static (CreationResponse<Guid>, IStartStream) Post(ScheduleTraining command, string unit)
    {
        var id = Guid.CreateVersion7();
        var scheduled = new TrainingScheduled(id, command.ScheduledOn!.Value, command.AssociationId, command.Topic.Trim(), command.PlanLineCode);
        return (new CreationResponse<Guid>($"/api/units/{unit}/trainings/{id}", id), MartenOps.StartStream<Training>(id, scheduled));
    }
}
