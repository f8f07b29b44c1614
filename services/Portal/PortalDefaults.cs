using BhxhPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BhxhPlatform.Portal;

/// <summary>
/// The parts of the platform's service defaults a web front needs: telemetry, health, service
/// discovery with resilience for the calls to the services. Not the rest of <c>AddServiceDefaults</c>:
/// the portal has no database, no bearer tokens of its own and no API in the access matrix.
/// </summary>
public static class PortalDefaults
{
    public static WebApplicationBuilder AddPortalDefaults(this WebApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks(Extensions.HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(Extensions.AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        return app;
    }
}
