using BhxhPlatform.Planning.Catalogue;

namespace BhxhPlatform.Planning.Templates;

/// <summary>A provincial plan template was drafted for a year.</summary>
public sealed record PlanTemplateDrafted(Guid TemplateId, int Year, string Title);

/// <summary>Every line of the catalogue was copied into the template as it was drafted.</summary>
public sealed record TemplateLinesCopiedFromCatalogue(Guid TemplateId, string Source, IReadOnlyList<PlanLine> Lines);

public sealed record TemplateLineAdded(Guid TemplateId, PlanLine Line);

/// <summary>A line was rewritten; it carries the whole line as it now stands.</summary>
public sealed record TemplateLineChanged(Guid TemplateId, PlanLine Line);

public sealed record TemplateLineRemoved(Guid TemplateId, string Code);

/// <summary>The lines as they stood were published as a numbered version; that version never changes.</summary>
public sealed record PlanTemplatePublished(Guid TemplateId, int PublishedVersion, IReadOnlyList<PlanLine> Lines);

public enum PlanTemplateStatus
{
    /// <summary>Never published, or changed since the last published version.</summary>
    Draft,

    /// <summary>The lines are those of the latest published version.</summary>
    Published,
}

/// <summary>A published, frozen version of a template.</summary>
public sealed record PublishedTemplateVersion(int Number, IReadOnlyList<PlanLine> Lines);

/// <summary>
/// The communication plan template the provincial office writes and rolls out to districts.
/// Immutable: each event returns a new state. <see cref="Version"/> is the stream version.
/// </summary>
public sealed record PlanTemplate(
    Guid Id,
    int Year,
    string Title,
    PlanTemplateStatus Status,
    int Version,
    IReadOnlyList<PlanLine> Lines,
    IReadOnlyList<PublishedTemplateVersion> PublishedVersions)
{
    public static PlanTemplate Create(PlanTemplateDrafted drafted) =>
        new(drafted.TemplateId, drafted.Year, drafted.Title, PlanTemplateStatus.Draft, 1, [], []);

    public PlanTemplate Apply(TemplateLinesCopiedFromCatalogue copied) =>
        Edited([.. Lines, .. copied.Lines]);

    public PlanTemplate Apply(TemplateLineAdded added) => Edited([.. Lines, added.Line]);

    public PlanTemplate Apply(TemplateLineChanged changed) =>
        Edited(Lines.Select(l => l.Code == changed.Line.Code ? changed.Line : l).ToList());

    public PlanTemplate Apply(TemplateLineRemoved removed) =>
        Edited(Lines.Where(l => l.Code != removed.Code).ToList());

    public PlanTemplate Apply(PlanTemplatePublished published) => this with
    {
        Status = PlanTemplateStatus.Published,
        Version = Version + 1,
        PublishedVersions = [.. PublishedVersions, new PublishedTemplateVersion(published.PublishedVersion, published.Lines)],
    };

    public PublishedTemplateVersion? FindPublished(int number) => PublishedVersions.FirstOrDefault(v => v.Number == number);

    public bool HasLine(string code) => Lines.Any(l => l.Code == code);

    private PlanTemplate Edited(IReadOnlyList<PlanLine> lines) =>
        this with { Lines = lines, Status = PlanTemplateStatus.Draft, Version = Version + 1 };
}
