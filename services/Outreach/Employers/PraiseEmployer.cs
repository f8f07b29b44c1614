using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Employers;

/// <summary>Publicly praise an employer that complies, on a channel, with a link.</summary>
public sealed record PraiseEmployer(string EmployerName, string TaxCode, string Reason, MediaPlatform? Channel, string Link, DateOnly PublishedOn);

public static class PraiseEmployerEndpoint
{
    public static ProblemDetails Validate(PraiseEmployer command, TimeProvider clock) => new Check()
        .Employer(command.EmployerName, command.TaxCode)
        .Text("reason", command.Reason, "Nội dung biểu dương", "Reason for the praise", maxLength: 2000)
        .Publication(command.Channel, command.Link, command.PublishedOn, Formats.LocalDay(clock.GetUtcNow()))
        .ToProblem();

    [WolverinePost("/api/units/{unit}/employer-praises")]
    [Tags("Employers")]
    public static (CreationResponse<Guid>, IStartStream) Post(PraiseEmployer command, string unit)
    {
        var id = Guid.CreateVersion7();
        return (
            new CreationResponse<Guid>($"/api/units/{unit}/employer-praises/{id}", id),
            MartenOps.StartStream<EmployerPraise>(id, new EmployerPraised(
                id, command.EmployerName.Trim(), command.TaxCode.Trim(), command.Reason.Trim(), command.Channel!.Value, command.Link.Trim(), command.PublishedOn)));
    }
}

public static class ListEmployerPraisesEndpoint
{
    [WolverineGet("/api/units/{unit}/employer-praises")]
    [Tags("Employers")]
    public static async Task<IReadOnlyList<EmployerPraise>> Get(string unit, IQuerySession session, CancellationToken cancellation) =>
        await session.Query<EmployerPraise>().OrderByDescending(p => p.PublishedOn).Take(1000).ToListAsync(cancellation);
}
