namespace BhxhPlatform.Planning.Templates;

/// <summary>A provincial plan template was drafted for a year.</summary>
public sealed record PlanTemplateDrafted(Guid TemplateId, int Year, string Title);

public enum PlanTemplateStatus
{
    Draft,
    Published,
}

/// <summary>
/// The communication plan template the provincial office writes and rolls out to districts.
/// Immutable: each event returns a new state.
/// </summary>
public sealed record PlanTemplate(Guid Id, int Year, string Title, PlanTemplateStatus Status, int Version)
{
    public static PlanTemplate Create(PlanTemplateDrafted drafted) =>
        new(drafted.TemplateId, drafted.Year, drafted.Title, PlanTemplateStatus.Draft, 1);
}
