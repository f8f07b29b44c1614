using Aspire.Hosting.ApplicationModel;
using BhxhPlatform.DevTokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BhxhPlatform.AppHost;

public static class ServiceResources
{
    public const string ApiPagePath = "/api-docs";

    /// <summary>
    /// A platform service: its database, started once PostgreSQL is healthy, healthy itself when
    /// <c>/health</c> answers, and the address of its API page printed when it is ready.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        IResourceBuilder<ParameterResource> signingKey)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithReference(database, PlatformDatabase.ConnectionName)
            .WaitFor(database)
            .WithEnvironment("Auth__SigningKey", signingKey)
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

    /// <summary>
    /// The key the services verify bearer tokens with: the <c>auth-signing-key</c> parameter when
    /// configured (user secrets, environment), else this checkout's development key in
    /// <c>.data/dev-signing-key</c>, which <c>tools/DevTokens</c> also uses to mint tokens.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSigningKey(this IDistributedApplicationBuilder builder)
    {
        const string name = "auth-signing-key";
        var key = builder.Configuration[$"Parameters:{name}"]
            ?? DevSigningKey.LoadOrCreate(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..")));
        return builder.AddParameter(name, key, publishValueAsDefault: false, secret: true);
    }

    /// <summary>
    /// The master key of prospects' personal data, for Outreach only: the <c>personal-data-key</c>
    /// parameter when configured (user secrets, environment), else this checkout's development key
    /// in <c>.data/dev-personal-data-key</c>.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddPersonalDataKey(this IDistributedApplicationBuilder builder)
    {
        const string name = "personal-data-key";
        var key = builder.Configuration[$"Parameters:{name}"]
            ?? DevPersonalDataKey.LoadOrCreate(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..")));
        return builder.AddParameter(name, key, publishValueAsDefault: false, secret: true);
    }
}
