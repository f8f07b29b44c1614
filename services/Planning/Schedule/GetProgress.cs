using System.Globalization;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Planning.Schedule;

public static class GetProgressEndpoint
{
    /// <summary>
    /// The schedule and progress of a district, or of a province across its districts' tenants, for a
    /// year as of a day (<c>?asOf=yyyy-MM-dd</c>; today in Vietnam by default).
    /// </summary>
    [WolverineGet("/api/units/{unit}/progress/years/{year}")]
    [Tags("Progress")]
    public static async Task<IResult> Get(
        string unit, int year, string? asOf, OrganisationTree tree, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        var check = new Check().Range("year", year, 2020, 2100, "Năm kế hoạch", "Plan year");
        var day = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            check.Add("asOf", "invalid-date", "Ngày phải theo dạng yyyy-MM-dd.", "The date must be yyyy-MM-dd.");
        }

        if (!check.IsValid)
        {
            return Results.Problem(check.ToProblem());
        }

        var districts = tree.FindProvince(unit) is { } province
            ? province.Districts.Select(d => d.Id).ToArray()
            : tree.FindDistrict(unit) is not null ? [unit] : null;
        if (districts is null)
        {
            return Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit."));
        }

        var plans = await session.Query<DistrictPlan>().Where(p => p.TenantIsOneOf(districts) && p.Year == year).ToListAsync(cancellation);
        var facts = new ProgressFacts(
            await session.Query<LoggedActivity>().Where(a => a.TenantIsOneOf(districts)).ToListAsync(cancellation),
            await session.Query<HeldTraining>().Where(t => t.TenantIsOneOf(districts)).ToListAsync(cancellation),
            await session.Query<KnownAgreement>().Where(a => a.TenantIsOneOf(districts)).ToListAsync(cancellation),
            await session.Query<ReceivedEnrolment>().Where(e => e.TenantIsOneOf(districts)).ToListAsync(cancellation));
        return Results.Ok(ProgressCalculator.Report(unit, year, day, plans, facts));
    }
}
