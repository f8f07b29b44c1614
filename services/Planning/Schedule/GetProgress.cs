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

        // The documents in one round trip, the activities counted in a second.
        var batch = session.CreateBatchQuery();
        var plans = batch.Query<DistrictPlan>().Where(p => p.TenantIsOneOf(districts) && p.Year == year).ToList();
        var trainings = batch.Query<HeldTraining>().Where(t => t.TenantIsOneOf(districts)).ToList();
        var agreements = batch.Query<KnownAgreement>().Where(a => a.TenantIsOneOf(districts)).ToList();
        var enrolments = batch.Query<ReceivedEnrolment>().Where(e => e.TenantIsOneOf(districts)).ToList();
        await batch.Execute(cancellation);
        var facts = new ProgressFacts(
            await ActivityTalliesAsync(session, districts, year, day, cancellation), await trainings, await agreements, await enrolments);
        return Results.Ok(ProgressCalculator.Report(unit, year, day, await plans, facts));
    }

    /// <summary>
    /// <see cref="ProgressCalculator.Tally"/> done by PostgreSQL: the activities of <paramref name="districts"/>
    /// not voided, of <paramref name="year"/> up to <paramref name="asOf"/>, counted per district, plan line and
    /// month. PostgreSQL still reads each activity of the year (one index range per district, served by the
    /// (tenant, day) index declared in <see cref="Progress.Configuration"/>, whose expression is Marten's own for
    /// the member), but only the tallies, a few hundred rows at most, travel and are deserialised.
    /// </summary>
    public static async Task<IReadOnlyList<MonthTally>> ActivityTalliesAsync(
        IQuerySession session, IReadOnlyCollection<string> districts, int year, DateOnly asOf, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(districts);
        var last = asOf.Year > year ? new DateOnly(year, 12, 31) : asOf;
        if (districts.Count == 0 || last < new DateOnly(year, 1, 1))
        {
            return [];
        }

        var options = session.DocumentStore.Options;
        var table = options.FindOrResolveDocumentType(typeof(LoggedActivity)).TableName.QualifiedName;
        var day = $"{options.DatabaseSchemaName}.mt_immutable_date(d.data ->> 'occurredOn')";

        // The day is stored as yyyy-MM-dd: its month is read from the text, which costs far less per row than
        // Marten's date function (an SQL function PostgreSQL cannot inline), needed only where the index serves.
        const string month = "substring(d.data ->> 'occurredOn', 6, 2)";
        var sql = $"""
            select jsonb_build_object(
                'district', d.data ->> 'district', 'planLineCode', d.data ->> 'planLineCode', 'month', CAST({month} as integer),
                'logged', count(*), 'peopleReached', sum(CAST(d.data ->> 'peopleReached' as integer)))
            from {table} as d
            where d.tenant_id = any(:tenants) and {day} between :first and :last and not CAST(d.data ->> 'voided' as boolean)
            group by d.data ->> 'district', d.data ->> 'planLineCode', {month}
            """;
        var tallies = await session.AdvancedSql.QueryAsync<MonthTally>(
            sql, cancellation, new { tenants = districts.ToArray(), first = new DateOnly(year, 1, 1), last });
        return tallies
            .OrderBy(t => t.District, StringComparer.Ordinal)
            .ThenBy(t => t.PlanLineCode, StringComparer.Ordinal)
            .ThenBy(t => t.Month)
            .ToList();
    }
}
