using BhxhPlatform.Portal.Components.Pages.Partnerships;
using BhxhPlatform.Portal.ServiceClients;

namespace BhxhPlatform.Portal.Components.Pages.Trainings;

/// <summary>What the officer fills in to schedule a training: the association and the plan line are chosen from lists.</summary>
public sealed class TrainingInput
{
    public string? ScheduledOn { get; set; }

    public Guid? AssociationId { get; set; }

    public string? Topic { get; set; }

    public string? PlanLineCode { get; set; }

    public ScheduleTrainingRequest ToRequest() =>
        new(PartnerLabels.Day(ScheduledOn), AssociationId, Topic?.Trim() ?? string.Empty, PartnerLabels.Text(PlanLineCode));
}
