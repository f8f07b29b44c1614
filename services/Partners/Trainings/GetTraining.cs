using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Trainings;

public static class GetTrainingEndpoint
{
    /// <summary>One training; a partner's users see only the trainings of their own association.</summary>
    [WolverineGet("/api/units/{unit}/trainings/{id}")]
    [Tags("Trainings")]
    [FiltersByOrganisation]
    public static Training? Get([ReadAggregate] Training training, HttpContext context) => context.Reaches(training.AssociationId) ? training : null;
}

public static class ListTrainingsEndpoint
{
    /// <summary>The district's trainings scheduled in a year, by date; a partner's users see only their own association's.</summary>
    [WolverineGet("/api/units/{unit}/trainings")]
    [Tags("Trainings")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<Training>> Get(int year, IQuerySession session, HttpContext context, CancellationToken cancellation)
    {
        var from = new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1);
        var to = from.AddYears(1);
        var query = session.Query<Training>().Where(t => t.ScheduledOn >= from && t.ScheduledOn < to);
        if (context.OrganisationScope() is { } own)
        {
            query = query.Where(t => t.AssociationId == own);
        }

        return await query.OrderBy(t => t.ScheduledOn).ToListAsync(cancellation);
    }
}
