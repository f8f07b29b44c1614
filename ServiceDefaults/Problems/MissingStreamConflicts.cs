using System.Reflection;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.ServiceDefaults.Problems;

/// <summary>
/// A command on an existing aggregate (<c>…/{id}/…</c> with <c>[WriteAggregate]</c>) that expects a
/// version above 0 of an aggregate the unit does not have: Marten's load for writing fails its version
/// check on the missing stream with the same <see cref="JasperFx.ConcurrencyException"/> as a stale
/// version. Such endpoints leave that exception to this handler, which looks the stream up (only on
/// this failure path) and answers 404 when it does not exist and 409 when someone wrote first.
/// </summary>
public static class MissingStreamConflicts
{
    /// <summary>The endpoints it covers: a route with an <c>{id}</c> and a parameter loaded for writing.</summary>
    public static bool AppliesTo(HttpChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.RoutePattern?.Parameters.Any(p => p.Name == "id") == true
            && chain.Method.Method.GetParameters().Any(p => p.GetCustomAttribute<WriteAggregateAttribute>() is not null);
    }

    internal sealed class ExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var conflict = Find(exception);
            if (conflict is null)
            {
                return false;
            }

            var missing = await IsMissingAsync(httpContext, cancellationToken);
            var problem = missing
                ? ProblemResults.NotFound("Không có bản ghi này trong đơn vị.", "There is no such record in this unit.")
                : ProblemResults.ConcurrencyConflict(conflict);
            httpContext.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
        }

        private static JasperFx.ConcurrencyException? Find(Exception exception)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (e is JasperFx.ConcurrencyException conflict)
                {
                    return conflict;
                }
            }

            return null;
        }

        private static async Task<bool> IsMissingAsync(HttpContext httpContext, CancellationToken cancellationToken)
        {
            // The exception handler middleware clears the request's route values; its feature keeps them.
            var route = httpContext.Features.Get<IExceptionHandlerFeature>()?.RouteValues ?? httpContext.Request.RouteValues;
            var store = httpContext.RequestServices.GetService<IDocumentStore>();
            if (store is null
                || route[EndpointExtensions.UnitRouteArgument] is not string unit
                || !Guid.TryParse(route["id"] as string, out var id))
            {
                return false;
            }

            await using var session = store.QuerySession(unit);
            return await session.Events.FetchStreamStateAsync(id, cancellationToken) is null;
        }
    }
}
