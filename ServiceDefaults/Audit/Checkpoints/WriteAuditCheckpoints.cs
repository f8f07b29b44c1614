using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace BhxhPlatform.ServiceDefaults.Audit.Checkpoints;

/// <summary>A round of checkpoints: sent by Wolverine's recurring schedule as a durable scheduled message.</summary>
public sealed record WriteAuditCheckpoints;

public static class WriteAuditCheckpointsHandler
{
    public static Task Handle(WriteAuditCheckpoints message, CheckpointWriter writer, CancellationToken cancellationToken) =>
        writer.WriteAllAsync(cancellationToken);
}

/// <summary>A last round when the service stops, so the checkpoints end where its writes ended.</summary>
internal sealed class CheckpointAtShutdown(CheckpointWriter writer, ILogger<CheckpointAtShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAllAsync(cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or IOException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogError(e, "The audit checkpoints at shutdown could not be written.");
        }
    }
}

/// <summary>
/// The <c>Audit</c> settings: <c>SigningKey</c> (PEM private key; without it no checkpoint is written),
/// <c>CheckpointPath</c> (the append-only folder; default <c>.data/audit-checkpoints</c> under the
/// content root) and <c>CheckpointSchedule</c> (a cron expression, default every five minutes).
/// </summary>
public static class AuditCheckpointSetup
{
    public const string Section = "Audit";
    public const string DefaultSchedule = "*/5 * * * *";

    public static void AddAuditCheckpoints(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(Section);
        var key = section["SigningKey"];
        var signer = string.IsNullOrWhiteSpace(key) ? null : new CheckpointSigner(key);
        builder.Services.AddSingleton(new AuditCheckpointSettings(serviceName, signer));
        var path = section["CheckpointPath"] is { Length: > 0 } configured
            ? Path.Combine(builder.Environment.ContentRootPath, configured)
            : Path.Combine(builder.Environment.ContentRootPath, ".data", "audit-checkpoints");
        builder.Services.AddSingleton<ICheckpointStore>(new FolderCheckpointStore(path));
        builder.Services.AddSingleton<CheckpointWriter>();
        builder.Services.AddHostedService<CheckpointAtShutdown>();
    }

    /// <summary>The recurring round, on Wolverine's durable scheduled messages.</summary>
    public static void ScheduleAuditCheckpoints(this WolverineOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.Discovery.IncludeType(typeof(WriteAuditCheckpointsHandler));
        var cron = configuration.GetSection(Section)["CheckpointSchedule"] is { Length: > 0 } given ? given : DefaultSchedule;
        options.Schedules.ScheduleRecurring<WriteAuditCheckpoints>(cron).UseScheduledMessages();
    }
}
