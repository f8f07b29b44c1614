using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Trainings;

public static class GetTrainingEndpoint
{
    [WolverineGet("/api/units/{unit}/trainings/{id}")]
    [Tags("Trainings")]
    public static Training Get([ReadAggregate] Training training) => training;
}

public static class ListTrainingsEndpoint
{
    /// <summary>The district's trainings scheduled in a year, by date.</summary>
    [WolverineGet("/api/units/{unit}/trainings")]
    [Tags("Trainings")]
    public static async Task<IReadOnlyList<Training>> Get(int year, IQuerySession session, CancellationToken cancellation)
    {
        var from = new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1);
        var to = from.AddYears(1);
        return await session.Query<Training>()
            .Where(t => t.ScheduledOn >= from && t.ScheduledOn < to)
            .OrderBy(t => t.ScheduledOn)
            .ToListAsync(cancellation);
    }
}
