using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Scorecards;

/// <summary>What a partner did with the district office, from what Outreach reported.</summary>
/// <param name="ActivitiesCoRun">Activities (not voided) the partner co-ran.</param>
/// <param name="PeopleReached">People those activities reached.</param>
/// <param name="HandOffBatches">Batches of prospects handed to the partner (a collection-service organisation).</param>
/// <param name="ProspectsHandedOff">Prospects in those batches.</param>
/// <param name="HandOffsEnrolled">Of them, enrolled so far (latest outcome reports).</param>
/// <param name="Conversion">Enrolled ÷ handed off, when any were handed off.</param>
/// <param name="EnrolmentsCollected">People it enrolled as collection-service organisation.</param>
/// <param name="EnrolmentsSponsored">People whose cards or books it paid for as sponsor.</param>
/// <param name="EnrolmentsFromCoRunActivities">People enrolled through activities it co-ran.</param>
public sealed record PartnerScorecard(
    Guid PartnerId,
    int ActivitiesCoRun,
    long PeopleReached,
    int HandOffBatches,
    int ProspectsHandedOff,
    int HandOffsEnrolled,
    int HandOffsDeclined,
    int HandOffsUnreachable,
    decimal? Conversion,
    int EnrolmentsCollected,
    int EnrolmentsSponsored,
    int EnrolmentsFromCoRunActivities);

public static class GetScorecardEndpoint
{
    /// <summary>What a partner did with the district office (activities co-run, hand-offs, enrolments); a partner's users see only their own.</summary>
    [WolverineGet("/api/units/{unit}/partners/{id}/scorecard")]
    [Tags("Partners")]
    [FiltersByOrganisation]
    public static async Task<PartnerScorecard?> Get(Guid id, IQuerySession session, HttpContext context, CancellationToken cancellation)
    {
        if (!context.Reaches(id))
        {
            return null;
        }

        var activities = await session.Query<CoRunActivity>().Where(a => a.PartnerId == id).ToListAsync(cancellation);
        var batches = await session.Query<HandOffBatch>().Where(b => b.CollectionOrganisationId == id).ToListAsync(cancellation);
        var direct = await session.Query<AttributedEnrolment>()
            .Where(e => e.CollectionOrganisationId == id || e.SponsorId == id)
            .ToListAsync(cancellation);
        var activityIds = activities.Select(a => a.ActivityId).ToArray();
        var throughActivities = activityIds.Length == 0 ? []
            : await session.Query<AttributedEnrolment>().Where(e => e.ActivityId != null && e.ActivityId.Value.In(activityIds)).ToListAsync(cancellation);

        var handedOff = batches.Sum(b => b.ProspectCount);
        var enrolled = batches.Sum(b => b.Enrolled);
        return new PartnerScorecard(
            id,
            activities.Count,
            activities.Sum(a => (long)a.PeopleReached),
            batches.Count,
            handedOff,
            enrolled,
            batches.Sum(b => b.Declined),
            batches.Sum(b => b.Unreachable),
            handedOff == 0 ? null : Math.Round((decimal)enrolled / handedOff, 4),
            direct.Where(e => e.CollectionOrganisationId == id).Sum(e => e.Count),
            direct.Where(e => e.SponsorId == id).Sum(e => e.Count),
            throughActivities.Sum(e => e.Count));
    }
}
