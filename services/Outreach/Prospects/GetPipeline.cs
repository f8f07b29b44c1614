using BhxhPlatform.Outreach.Directory;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>How the prospects handed to one collection-service organisation fared.</summary>
/// <param name="ConversionRate">Enrolled out of handed off, 0 to 1 (0 when nothing was handed off).</param>
public sealed record OrganisationConversion(
    Guid OrganisationId,
    string? OrganisationName,
    int HandedOff,
    int Pending,
    int Enrolled,
    int Declined,
    int Unreachable,
    double ConversionRate);

/// <summary>The district's prospect pipeline: how many at each step, and conversion per organisation.</summary>
public sealed record ProspectPipeline(IReadOnlyDictionary<ProspectStatus, int> ByStatus, IReadOnlyList<OrganisationConversion> ByOrganisation);

public static class GetProspectPipelineEndpoint
{
    [WolverineGet("/api/units/{unit}/prospect-pipeline")]
    [Tags("Prospects")]
    public static async Task<ProspectPipeline> Get(string unit, IQuerySession session, CancellationToken cancellation)
    {
        // Counts only: the people's details never leave the query.
        var rows = await session.Query<Prospect>()
            .Select(p => new StatusRow(p.Status, p.CollectionOrganisationId))
            .ToListAsync(cancellation);
        var partners = (await session.Query<KnownPartner>().ToListAsync(cancellation)).ToDictionary(p => p.Id, p => p.Name);

        var byStatus = Enum.GetValues<ProspectStatus>().ToDictionary(s => s, s => rows.Count(r => r.Status == s));
        var byOrganisation = rows
            .Where(r => r.OrganisationId is not null)
            .GroupBy(r => r.OrganisationId!.Value)
            .Select(g =>
            {
                int Count(ProspectStatus s) => g.Count(r => r.Status == s);
                var handedOff = g.Count();
                return new OrganisationConversion(
                    g.Key,
                    partners.GetValueOrDefault(g.Key),
                    handedOff,
                    Count(ProspectStatus.HandedOff),
                    Count(ProspectStatus.Enrolled),
                    Count(ProspectStatus.Declined),
                    Count(ProspectStatus.Unreachable),
                    handedOff == 0 ? 0 : Math.Round((double)Count(ProspectStatus.Enrolled) / handedOff, 4));
            })
            .OrderBy(o => o.OrganisationName)
            .ToList();
        return new ProspectPipeline(byStatus, byOrganisation);
    }

    public sealed record StatusRow(ProspectStatus Status, Guid? OrganisationId);
}
