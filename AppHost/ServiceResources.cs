using Aspire.Hosting.ApplicationModel;
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
