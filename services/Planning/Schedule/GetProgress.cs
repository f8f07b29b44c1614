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
        string unit,
        int year,
        string? asOf,
        TimeProvider clock,
        ProgressReader progress,
        IQuerySession session,
        CancellationToken cancellation)
    {
        var check = new Check().Range("year", year, 2020, 2100, "Năm kế hoạch", "Plan year");
        var day = ReportDay.Read(check, asOf, clock);

        if (!check.IsValid)
        {
            return Results.Problem(check.ToProblem());
        }

        return await progress.ReportAsync(session, unit, year, day, cancellation) is { } report
            ? Results.Ok(report)
            : Results.Problem(ProblemResults.NotFound("Không có đơn vị này.", "No such unit."));
    }
}
