using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BhxhPlatform.AppHost;

/// <summary>
/// In Development, the demo-data loader (tools/DemoData): started once the services are healthy, it signs in
/// as each demo person (the demo-data client) and loads the demo province through the services' APIs, then
/// exits. It is idempotent, so every start runs it. <c>--Parameters:load-demo-data=false</c> (or
/// <c>Parameters__load-demo-data=false</c>) starts empty instead.
/// </summary>
public static class DemoDataLoader
{
    public const string Name = "demo-data";
    public const string SecretParameter = "demo-data-client-secret";
    public const string LoadParameter = "load-demo-data";

    /// <summary>The demo-data client's secret (Development only, else null): the identity service registers the client with it, the loader signs in with it.</summary>
    public static IResourceBuilder<ParameterResource>? AddDemoDataSecret(this IDistributedApplicationBuilder builder) =>
        builder.Environment.IsDevelopment() ? builder.AddSecret(SecretParameter, SecretKind.ClientSecret) : null;

    public static void AddDemoDataLoader(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ParameterResource>? secret,
        IResourceBuilder<ProjectResource> identity, params IResourceBuilder<ProjectResource>[] services)
    {
        // Never part of a deployment's description: demo people exist only in a Development database.
        if (secret is null || builder.ExecutionContext.IsPublishMode || !builder.Configuration.GetValue($"Parameters:{LoadParameter}", defaultValue: true))
        {
            return;
        }

        var loader = builder.AddProject<Projects.DemoData>(Name)
            .WithEnvironment("DemoData__ClientSecret", secret)
            .WithReference(identity)
            .WaitFor(identity);
        foreach (var service in services)
        {
            loader.WithReference(service).WaitFor(service);
        }
    }
}
