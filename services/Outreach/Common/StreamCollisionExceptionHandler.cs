using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Diagnostics;

namespace BhxhPlatform.Outreach.Common;

/// <summary>
/// The losing side of a race to start a stream whose id is deterministic: a prospect's contact
/// claim (two officers recording the same person) or an imported enrolment row (the same list
/// imported twice at once). PostgreSQL refused the second start and rolled its transaction back;
/// this answers 409 instead of 500, with the same pointer the look-up would have given.
/// </summary>
public sealed class StreamCollisionExceptionHandler(IProblemDetailsService problems, IDocumentStore store) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var collision = exception as Marten.Exceptions.ExistingStreamIdCollisionException
            ?? exception.InnerException as Marten.Exceptions.ExistingStreamIdCollisionException;
        if (collision is not { Id: Guid key } || httpContext.Features.Get<IExceptionHandlerFeature>()?.RouteValues?["unit"] is not string unit)
        {
            return false;
        }

        await using var session = store.QuerySession(unit);
        var problem = await session.LoadAsync<ProspectContactKey>(key, cancellationToken) is { ProspectId: { } holder }
            ? ProspectContactKey.Duplicate(unit, holder)
            : await session.LoadAsync<Enrolment>(key, cancellationToken) is not null
                ? ProblemResults.Conflict("import-in-progress",
                    "Danh sách này đang được nhập cùng lúc ở nơi khác; nhập lại để xem báo cáo (không dòng nào bị ghi hai lần).",
                    "This list was being imported at the same time elsewhere; import it again for the report (no row is recorded twice).")
                : null;
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
