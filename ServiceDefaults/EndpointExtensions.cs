using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.DeadLetters;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Wolverine.Http;

namespace BhxhPlatform.ServiceDefaults;

public static class EndpointExtensions
{
    /// <summary>The route argument that names the organisation unit (the Marten tenant) of a request.</summary>
    public const string UnitRouteArgument = "unit";

    /// <summary>
    /// Maps the service's Wolverine endpoints: the tenant is the organisation unit in the route
    /// (<c>/api/units/{unit}/…</c>), a stale expected version becomes a 409 problem, and a command on an
    /// aggregate the unit does not have a 404 (<see cref="MissingStreamConflicts"/>).
    /// </summary>
    public static WebApplication MapServiceEndpoints(this WebApplication app, Action<WolverineHttpOptions>? configure = null)
    {
        app.MapWolverineEndpoints(options =>
        {
            options.TenantId.IsRouteArgumentNamed(UnitRouteArgument);
            options.ConfigureEndpoints(Security.OperationIds.NameAfterHandlerClass);
            // Commands on an existing aggregate leave their version failures to MissingStreamConflicts (404 or 409).
            options.MapConcurrencyFailuresToConflict(chain => !MissingStreamConflicts.AppliesTo(chain), ProblemResults.ConcurrencyConflict);
            options.AddMiddleware(typeof(AuditMetadataMiddleware), chain => !chain.HttpMethods.Contains("GET"));
            configure?.Invoke(options);
        });
        app.MapAuditEndpoints();
        app.MapDeadLetterEndpoints();
        app.MapProjectionDeadLetterEndpoints();
        app.MapDeadLetterCountsEndpoint();
        return app;
    }
}
