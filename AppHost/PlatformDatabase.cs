using Aspire.Hosting.ApplicationModel;
using BhxhPlatform.LocalPostgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BhxhPlatform.AppHost;

/// <summary>
/// The one PostgreSQL database the services share (each in its own schemas), in order of
/// preference: an explicit <c>ConnectionStrings:bhxh</c>; a container when a Docker engine
/// answers; else the local PostgreSQL binaries, in a data folder kept between runs.
/// </summary>
public static class PlatformDatabase
{
    public const string ConnectionName = "bhxh";
    public const string ServerName = "postgres";

    public static async Task<IResourceBuilder<IResourceWithConnectionString>> AddPlatformDatabaseAsync(this IDistributedApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            return builder.AddConnectionString(ConnectionName);
        }

        // A deployment describes a PostgreSQL container; the local binaries are for this machine only.
        if (builder.ExecutionContext.IsPublishMode || await DockerEngine.AnswersAsync())
        {
            return builder.AddPostgres(ServerName).WithDataVolume("bhxh-postgres").AddDatabase(ConnectionName);
        }

        return await builder.AddLocalPostgresAsync();
    }

    private static async Task<IResourceBuilder<IResourceWithConnectionString>> AddLocalPostgresAsync(this IDistributedApplicationBuilder builder)
    {
        var dataDirectory = builder.Configuration["Postgres:DataDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".data", "postgres");
        var cluster = new LocalCluster(dataDirectory, PostgresBinaries.Find());
        await cluster.EnsureInitialisedAsync([ConnectionName]);

        // A server left running by a killed AppHost still holds the folder: stop it first.
        await cluster.StopAsync("fast");

        var port = FreePort.Find();
        var connectionString = LocalCluster.ConnectionString(port, ConnectionName);
        var (file, arguments) = LocalCluster.AsServerUser(cluster.Binaries.Postgres, cluster.ServerArguments(port));

        var healthCheckKey = $"{ServerName}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, async cancellation =>
        {
            try
            {
                // Unpooled: an idle pooled connection would hold a "smart" shutdown open when the AppHost stops.
                await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
                await connection.OpenAsync(cancellation);
                return HealthCheckResult.Healthy();
            }
            catch (NpgsqlException e)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });

        cluster.StartWatchdog(Environment.ProcessId, deleteFolder: false);

        return builder.AddResource(new LocalPostgresResource(ServerName, file, builder.AppHostDirectory, connectionString))
            .WithArgs([.. arguments])
            .WithHealthCheck(healthCheckKey);
    }
}

/// <summary>PostgreSQL run from the local binaries by the orchestrator, with the connection string of the platform database.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression { get; } = ReferenceExpression.Create($"{connectionString}");
}
