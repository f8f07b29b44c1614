using BhxhPlatform.Contracts.Outreach;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>An activity Outreach logged that a partner co-ran; keyed by activity and partner.</summary>
public sealed record CoRunActivity(string Id, Guid ActivityId, Guid PartnerId, string PlanLineCode, DateOnly OccurredOn, int PeopleReached);

public static class ActivityRecordedHandler
{
    /// <summary>One document per activity and partner, so a repeated message changes nothing.</summary>
    public static void Handle(ActivityRecorded message, IDocumentSession session)
    {
        foreach (var partnerId in message.PartnerIds.Distinct())
        {
            session.Store(new CoRunActivity(
                $"{message.ActivityId:N}:{partnerId:N}", message.ActivityId, partnerId, message.PlanLineCode, message.OccurredOn, message.PeopleReached));
        }
    }
}

/// <summary>What a partner did with the district office.</summary>
public sealed record PartnerScorecard(Guid PartnerId, int ActivitiesCoRun, int PeopleReached);

public static class GetScorecardEndpoint
{
    [WolverineGet("/api/units/{unit}/partners/{id}/scorecard")]
    [Tags("Partners")]
    public static async Task<PartnerScorecard> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var activities = await session.Query<CoRunActivity>().Where(a => a.PartnerId == id).ToListAsync(cancellation);
        return new PartnerScorecard(id, activities.Count, activities.Sum(a => a.PeopleReached));
    }
}
