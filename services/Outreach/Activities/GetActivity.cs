using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Common;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Activities;

public static class GetActivityEndpoint
{
    [WolverineGet("/api/units/{unit}/activities/{id}")]
    [Tags("Activities")]
    public static Activity Get([ReadAggregate] Activity activity) => activity;
}

/// <summary>
/// The activity log of a district (the unit), filtered by plan, line, audience, commune, form and
/// period (local days, inclusive). Voided activities are left out unless asked for.
/// </summary>
public static class GetActivityLogEndpoint
{
    [WolverineGet("/api/units/{unit}/activities")]
    [Tags("Activities")]
    public static async Task<IReadOnlyList<Activity>> Get(
        string unit,
        IQuerySession session,
        Guid? districtPlanId,
        string? line,
        string? audience,
        string? commune,
        CommunicationForm? form,
        DateOnly? from,
        DateOnly? to,
        bool? includeVoided,
        CancellationToken cancellation)
    {
        var query = session.Query<Activity>().AsQueryable();
        if (districtPlanId is { } plan)
        {
            query = query.Where(a => a.Details.DistrictPlanId == plan);
        }

        if (!string.IsNullOrWhiteSpace(line))
        {
            query = query.Where(a => a.Details.PlanLineCode == line);
        }

        if (!string.IsNullOrWhiteSpace(audience))
        {
            query = query.Where(a => a.Details.AudienceCode == audience);
        }

        if (!string.IsNullOrWhiteSpace(commune))
        {
            query = query.Where(a => a.Details.CommuneId == commune);
        }

        if (form is { } f)
        {
            query = query.Where(a => a.Details.Form == f);
        }

        if (from is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), Formats.VietnamOffset);
            query = query.Where(a => a.Details.StartedAt >= since);
        }

        if (to is { } end)
        {
            var before = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Formats.VietnamOffset);
            query = query.Where(a => a.Details.StartedAt < before);
        }

        if (includeVoided != true)
        {
            query = query.Where(a => !a.Voided);
        }

        return await query.OrderBy(a => a.Details.StartedAt).Take(1000).ToListAsync(cancellation);
    }
}
