using Aspire.Hosting.ApplicationModel;
using BhxhPlatform.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BhxhPlatform.AppHost;

public static class ServiceResources
{
    public const string ApiPagePath = "/api-docs";

    /// <summary>
    /// A platform service: its database, started once PostgreSQL is healthy, trusting the identity
    /// service's published keys (Auth__Authority), healthy itself when
    /// <c>/health</c> answers, and the address of its API page printed when it is ready.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        IResourceBuilder<ProjectResource> identity)
        where TProject : IProjectMetadata, new()
    {
        // No WaitFor: a service reads the identity service's keys at its first token, not at start, so both start at once.
        return builder.AddPlatformProject<TProject>(name, database)
            .WithEnvironment("Auth__Authority", identity.GetEndpoint("http"));
    }

    /// <summary>
    /// The audit checkpoints' signing key (Audit__SigningKey) and their append-only folder: the checkout's
    /// <c>.data/audit-checkpoints</c>, one sub-folder per service and unit, outside the database.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAuditCheckpoints(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ParameterResource> signingKey)
    {
        ArgumentNullException.ThrowIfNull(service);
        var folder = service.ApplicationBuilder.Configuration["Parameters:audit-checkpoint-path"]
            ?? Path.GetFullPath(Path.Combine(service.ApplicationBuilder.AppHostDirectory, "..", ".data", "audit-checkpoints"));
        return service
            .WithEnvironment("Audit__SigningKey", signingKey)
            .WithEnvironment("Audit__CheckpointPath", folder);
    }

    /// <summary>The services' API pages sign in through the identity service (client api-docs): their addresses are its redirect URIs.</summary>
    public static IResourceBuilder<ProjectResource> WithApiPagesOf(
        this IResourceBuilder<ProjectResource> identity, params IResourceBuilder<ProjectResource>[] services)
    {
        for (var i = 0; i < services.Length; i++)
        {
            identity.WithEnvironment($"Identity__ApiDocsUrls__{i}", ReferenceExpression.Create($"{services[i].GetEndpoint("http")}{ApiPagePath}"));
        }

        return identity;
    }

    /// <summary>
    /// The identity service (OpenID Connect provider): its issuer is its own address, its keys and the
    /// clients' secrets are parameters (see <see cref="PlatformSecrets"/>); the demo-data client's in Development only.
    /// </summary>
    /// <returns>The identity service and the portal client's secret (the portal presents it).</returns>
    public static (IResourceBuilder<ProjectResource> Identity, IResourceBuilder<ParameterResource> PortalSecret) AddIdentityService(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> database,
        IResourceBuilder<ParameterResource>? demoDataSecret)
    {
        var identity = builder.AddPlatformProject<Projects.Identity>(ServiceNames.Identity, database);
        identity
            .WithEnvironment("Identity__Issuer", identity.GetEndpoint("http"))
            .WithEnvironment("Identity__SigningKey", builder.AddSecret("identity-signing-key", SecretKind.SigningKey))
            .WithEnvironment("Identity__EncryptionKey", builder.AddSecret("identity-encryption-key", SecretKind.Key256));
        var portalSecret = builder.AddSecret("portal-client-secret", SecretKind.ClientSecret);
        identity.WithEnvironment("Identity__Clients__Portal__Secret", portalSecret);
        if (demoDataSecret is not null)
        {
            // The demo-data loader signs in as each demo person (password grant), Development only.
            identity.WithEnvironment("Identity__Clients__DemoData__Secret", demoDataSecret);
        }

        if (builder.Environment.IsDevelopment() && !builder.ExecutionContext.IsPublishMode)
        {
            // Reminder mail stays on this machine: the identity service's sink keeps it as .eml files.
            identity.WithEnvironment("Mail__Sink__Folder", builder.Configuration["Parameters:mail-folder"]
                ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".data", "mail")));
        }

        return (identity, portalSecret);
    }

    /// <summary>
    /// The web portal: signs people in through the identity service (client <c>portal</c>, whose
    /// redirect addresses are the portal's own endpoint), calls the services by name through service
    /// discovery with the person's token, and prints its address when it is ready.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPortal(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> identity,
        IResourceBuilder<ParameterResource> portalSecret,
        params IResourceBuilder<ProjectResource>[] services)
    {
        var portal = builder.AddProject<Projects.Portal>(ServiceNames.Portal)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("Identity__Authority", identity.GetEndpoint("http"))
            .WithEnvironment("Identity__ClientSecret", portalSecret);
        foreach (var service in services)
        {
            portal.WithReference(service);
        }

        identity.WithEnvironment("Identity__PortalUrl", portal.GetEndpoint("http"));
        builder.Eventing.Subscribe<ResourceReadyEvent>(portal.Resource, (ready, _) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BhxhPlatform.AppHost");
            logger.LogInformation("The portal is ready: {Url}", portal.GetEndpoint("http").Url);
            return Task.CompletedTask;
        });
        return portal;
    }

    private static IResourceBuilder<ProjectResource> AddPlatformProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<IResourceWithConnectionString> database)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithReference(database, PlatformDatabase.ConnectionName)
            .WaitFor(database)
            .WithHttpHealthCheck("/health")
            .WithUrl(ApiPagePath, "API page");

        builder.Eventing.Subscribe<ResourceReadyEvent>(service.Resource, (ready, _) =>
        {
            var endpoint = service.GetEndpoint("http");
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BhxhPlatform.AppHost");
            logger.LogInformation("{Service} is ready: API page {Url}{Path}, OpenAPI {Url}/openapi/v1.json", name, endpoint.Url, ApiPagePath, endpoint.Url);
            return Task.CompletedTask;
        });
        return service;
    }
}
