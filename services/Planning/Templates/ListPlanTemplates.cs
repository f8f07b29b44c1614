using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Templates;

public sealed record PlanTemplateSummary(Guid Id, int Year, string Title, PlanTemplateStatus Status, int Version, int Lines, IReadOnlyList<int> PublishedVersions);

public static class ListPlanTemplatesEndpoint
{
    [WolverineGet("/api/units/{unit}/plan-templates")]
    [Tags("Plan templates")]
    public static async Task<IReadOnlyList<PlanTemplateSummary>> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        var templates = await session.Query<PlanTemplate>().ToListAsync(cancellation);
        return templates
            .OrderByDescending(t => t.Year)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new PlanTemplateSummary(t.Id, t.Year, t.Title, t.Status, t.Version, t.Lines.Count, t.PublishedVersions.Select(v => v.Number).ToList()))
            .ToList();
    }
}
