using BhxhPlatform.ServiceDefaults.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using BhxhPlatform.ServiceDefaults.Problems;
using BhxhPlatform.ServiceDefaults.Security;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// What every BHXH service calls at start: telemetry, health, problem details, OpenAPI.
/// Marten and Wolverine are set up by <see cref="CritterStackExtensions.AddCritterStack"/>.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBilingualProblemDetails();

        // The service's name (planning, outreach, …) is its audience and its section of the access matrix.
        var service = PlatformService.NameOf(builder.Environment.ApplicationName);
        builder.Services.AddOpenApi(options => OpenApiConventions.Apply(options, service, builder.Configuration));
        builder.AddPlatformAuthentication(service);
        builder.Services.AddAccessMatrix(service);
        builder.AddRequestLimits();
        builder.AddExpensiveReadLimits();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Telemetry.MeterNames))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Telemetry.ActivitySourceNames)
                .AddAspNetCoreInstrumentation(aspNet =>
                    // Health probes every few seconds would drown the traces that matter.
                    aspNet.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath) &&
                        !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"])
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (everything, PostgreSQL included), <c>/alive</c>, the OpenAPI document and its browsable page.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLimits();
        app.UseCommandIdCheck();
        app.UseBilingualMalformedJsonProblems();
        app.UseAccessMatrix();
        app.UseRateLimiter();

        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });

        app.MapOpenApi();
        var service = app.Services.GetRequiredService<PlatformService>().Name;
        app.MapScalarApiReference("/api-docs", options => options
            .WithTitle($"{app.Environment.ApplicationName} API")
            .AddPreferredSecuritySchemes(OpenApiConventions.OAuthScheme)
            .AddAuthorizationCodeFlow(OpenApiConventions.OAuthScheme, flow =>
            {
                // "Try it" signs in through the identity service as a person (the api-docs client: public, code + PKCE).
                flow.ClientId = OpenApiConventions.ApiDocsClient;
                flow.Pkce = Pkce.Sha256;
                flow.SelectedScopes = [.. OpenApiConventions.ScopesFor(service)];
            }));
        return app;
    }
}
