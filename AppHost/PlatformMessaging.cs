using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using BhxhPlatform.LocalPostgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace BhxhPlatform.AppHost;

/// <summary>
/// The transport of the integration messages. PostgreSQL queues (in the platform database) unless
/// <c>Messaging:Transport</c> is <c>rabbitmq</c>; then RabbitMQ, in order of preference: an explicit
/// <c>ConnectionStrings:rabbitmq</c>; a container when a Docker engine answers; else Debian's
/// <c>rabbitmq-server</c> run as a plain process with its own epmd, node name, free ports and a data
/// folder kept between runs (the package's own system service is never used).
/// </summary>
public static class PlatformMessaging
{
    public const string SettingKey = "Messaging:Transport";
    public const string ConnectionName = "rabbitmq";
    public const string EpmdName = "rabbitmq-epmd";

    /// <summary>The broker's node name: fixed, because RabbitMQ keeps a node's queues in a folder named after it.</summary>
    public const string LocalNodeName = "bhxh@localhost";

    public static bool UsesRabbitMq(this IDistributedApplicationBuilder builder) =>
        string.Equals(builder.Configuration[SettingKey]?.Trim(), "rabbitmq", StringComparison.OrdinalIgnoreCase);

    /// <summary>The RabbitMQ broker when the configuration asks for it; null for PostgreSQL queues.</summary>
    public static async Task<IResourceBuilder<IResourceWithConnectionString>?> AddPlatformMessagingAsync(this IDistributedApplicationBuilder builder)
    {
        if (!builder.UsesRabbitMq())
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            return builder.AddConnectionString(ConnectionName);
        }

        if (builder.ExecutionContext.IsPublishMode || await DockerEngine.AnswersAsync())
        {
            return builder.AddRabbitMQ(ConnectionName).WithDataVolume("bhxh-rabbitmq");
        }

        return builder.AddLocalRabbitMq();
    }

    /// <summary>Puts a service on the platform's transport: RabbitMQ when there is a broker, else nothing to add (PostgreSQL queues).</summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString>? broker)
    {
        ArgumentNullException.ThrowIfNull(service);
        return broker is null
            ? service
            : service.WithReference(broker, ConnectionName).WaitFor(broker).WithEnvironment("Messaging__Transport", "rabbitmq");
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddLocalRabbitMq(this IDistributedApplicationBuilder builder)
    {
        var server = RabbitMqNode.FindServer();
        var dataDirectory = builder.Configuration["RabbitMq:DataDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".data", "rabbitmq");
        var node = new RabbitMqNode(Path.GetFullPath(dataDirectory), LocalNodeName, FreePort.Find(), FreePort.Find(), FreePort.Find());
        StopLeftOverBroker(node);
        node.WriteConfiguration();

        // The node's own port mapper, run (and stopped) by the orchestrator like the broker.
        var epmd = builder.AddExecutable(EpmdName, RabbitMqNode.FindEpmd(), node.DataDirectory, [.. node.EpmdArguments]);

        var healthCheckKey = $"{ConnectionName}-accepts-connections";
        var factory = new ConnectionFactory { Uri = new Uri(node.ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, async cancellation =>
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellation);
                return HealthCheckResult.Healthy();
            }
            catch (BrokerUnreachableException e)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });

        var broker = builder.AddResource(new LocalRabbitMqResource(ConnectionName, server, node.DataDirectory, node.ConnectionString))
            .WithHealthCheck(healthCheckKey)
            .WaitFor(epmd);
        foreach (var (key, value) in node.ProcessEnvironment())
        {
            broker.WithEnvironment(key, value);
        }

        return broker;
    }

    /// <summary>
    /// A broker left running on this folder by a killed AppHost (its Erlang VM wrote its id into the folder)
    /// would share the node's files with the new one: it is killed first, only when that process is a
    /// broker of this very folder.
    /// </summary>
    private static void StopLeftOverBroker(RabbitMqNode node)
    {
        var pidFile = node.ProcessEnvironment()["RABBITMQ_PID_FILE"];
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        var commandLine = Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "cmdline");
        if (File.Exists(commandLine) && File.ReadAllText(commandLine).Contains(node.DataDirectory, StringComparison.Ordinal))
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        File.Delete(pidFile);
    }
}

/// <summary>RabbitMQ run from Debian's package by the orchestrator, with the connection string of its default user.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression { get; } = ReferenceExpression.Create($"{connectionString}");
}
