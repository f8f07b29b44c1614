using System.Reflection;
using System.Diagnostics.Metrics;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Audit.Checkpoints;
using BhxhPlatform.ServiceDefaults.Messaging;
using BhxhPlatform.ServiceDefaults.DeadLetters;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Postgresql;
using Wolverine.Postgresql.Transport;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Marten and Wolverine, set up the same way in every service: one PostgreSQL database shared by
/// all services, a schema per service for its events, documents and envelopes, and one shared
/// schema of PostgreSQL queues through which integration messages cross service lines.
/// </summary>
public static class CritterStackExtensions
{
    /// <summary>The connection string name every service reads (the AppHost provides it).</summary>
    public const string ConnectionName = "bhxh";

    /// <summary>The schema of the PostgreSQL queue tables that every service shares.</summary>
    public const string QueueSchema = "wolverine_queues";

    public static IHostApplicationBuilder AddCritterStack(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<StoreOptions>? configureMarten = null,
        Action<WolverineOptions>? configureWolverine = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"The connection string '{ConnectionName}' is not configured. Run the service through the AppHost " +
                $"(dotnet run --project AppHost) or set ConnectionStrings__{ConnectionName}.");

        // The service's own assembly, also when a test host (Alba) is the entry assembly.
        var applicationAssembly = Assembly.Load(new AssemblyName(builder.Environment.ApplicationName));

        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString) { Name = serviceName };
        ApplyStatementPreparation(dataSourceBuilder.ConnectionStringBuilder);
        var dataSource = dataSourceBuilder.Build();
        builder.Services.AddSingleton(dataSource);

        builder.Services.AddMarten(options =>
            {
                options.DatabaseSchemaName = serviceName;
                options.Events.DatabaseSchemaName = serviceName;

                // The start-up migration lock serialises the replicas of one service, not the services:
                // each has its own lock id, so four services creating their schemas in one fresh
                // database do not queue behind each other (on a busy machine that queue outlasted
                // the default 10 s wait and a service failed to start). A replica waits up to a minute.
                options.ApplyChangesLockId = MigrationLockId(serviceName);
                options.ApplyChangesLockTimeout = TimeSpan.FromMinutes(1);

                // Several replicas of a service may run (HotCold below): each asynchronous projection runs on the one
                // replica holding its advisory lock, and another takes it over when that replica's session ends.
                // Marten mixes the schema into each projection's lock id; a base of the service's own keeps the ids
                // of the services apart also by construction, since they share one database.
                options.Projections.DaemonLockId = DaemonLockId(serviceName);

                // A tenant is an organisation unit (a district office or the provincial office).
                options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
                options.Policies.AllDocumentsAreMultiTenanted();

                // Who, correlation, causation and headers on every event; the tenant is a column.
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;

                // Quick appends: sequence numbers are assigned in the write itself, with no round trip
                // (and no second connection) before it. Every append names its expected version
                // (HashChainListener insists), which PostgreSQL checks. A new stream's events are
                // stamped with the service's clock, and so is an append's: despite its name,
                // QuickWithServerTimestamps sends every event's own timestamp, which the audit hash
                // (version 2) covers, set by HashChainListener just before the write.
                options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.UseIdentityMapForAggregates = true;

                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Listeners.Add(new HashChainListener());

                // An event an asynchronous projection cannot apply is skipped into Marten's dead-letter
                // events, and the daemon goes on (also while an administrator's replay rebuilds it).
                options.Projections.Errors.SkipApplyErrors = true;
                options.Projections.Errors.SkipSerializationErrors = true;
                options.Projections.RebuildErrors.SkipApplyErrors = true;
                options.Projections.RebuildErrors.SkipSerializationErrors = true;
                configureMarten?.Invoke(options);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.HotCold)
            .IntegrateWithWolverine(integration => integration.TransportSchemaName = QueueSchema);

        builder.Services.AddAudit(AggregateTypes.FromAssembly(applicationAssembly));
        builder.AddAuditCheckpoints(serviceName);
        builder.Services.AddSingleton(sp => new DeadLetterMetrics(sp.GetRequiredService<IMeterFactory>(), serviceName));
        builder.Services.AddHostedService(sp => new DeadLetterWatch(dataSource, sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<DeadLetterMetrics>(), sp.GetRequiredService<ILogger<DeadLetterWatch>>(), serviceName));
        builder.Services.AddWolverineHttp();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.UseWolverine(options =>
        {
            options.ServiceName = serviceName;
            options.ApplicationAssembly = applicationAssembly;
            options.UseRuntimeCompilation();
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;

            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Policies.UseDurableInboxOnAllListeners();
            options.Policies.UseDurableOutboxOnAllSendingEndpoints();
            options.EnableRelayOfUserName = true;

            // Each service listens on its own queue, on the transport its configuration names (see IntegrationTransport).
            var transport = options.UseIntegrationTransport(builder.Configuration, serviceName);
            options.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);

            // A commit whose answer is lost (PostgreSQL crashing while it commits) leaves the outgoing envelope
            // stored but never sent: the node that owns it believes the transaction failed. Wolverine releases
            // an envelope older than this to its recovery, which sends it; a receiver's durable inbox drops
            // the rare second copy by its id. Incoming envelopes held by a live node keep a heartbeat, so only
            // one that nothing runs any more is released.
            options.Durability.OutboxStaleTime = TimeSpan.FromSeconds(30);
            options.Durability.InboxStaleTime = TimeSpan.FromMinutes(2);

            // With several replicas, a replica that dies (killed, its machine lost) stops its health checks; after
            // StaleNodeTimeout another replica counts it as gone and takes over its durable envelopes (inbox, outbox,
            // scheduled) and its agents. Checked every HealthCheckPollingTime, so a dead node's work moves within
            // about half a minute (tests/Fault.Tests ReplicaFailoverTests).
            options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(5);
            options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(20);

            options.RetryTransientDatabaseFailures();
            options.RetryConcurrentDocumentWrites();
            IntegrationRouting.Apply(options, serviceName, transport);
            options.ScheduleAuditCheckpoints(builder.Configuration);
            configureWolverine?.Invoke(options);
        });

        return builder;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a service repeats (event, stream and document inserts,
    /// queue writes) unless the connection string says otherwise: PostgreSQL then skips parsing and
    /// planning them on every command, which more than halved its CPU per batched command here.
    /// A statement is prepared on its first use: a single command runs each of its statements once
    /// per connection checkout, and with two uses required none would ever be prepared, so every
    /// checkout would also end in DISCARD ALL (what Npgsql sends to a connection with nothing prepared).
    /// Behind a pooler in transaction mode, use one that supports prepared statements
    /// (PgBouncer 1.21+ with max_prepared_statements) or set Max Auto Prepare=0.
    /// </summary>
    public static void ApplyStatementPreparation(NpgsqlConnectionStringBuilder connection)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: ask a plain
        // builder holding only what the connection string says.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            connection.MaxAutoPrepare = 200;
            connection.AutoPrepareMinUsages = 1;
        }
    }

    /// <summary>A stable advisory-lock id of a service's schema migrations (FNV-1a of its name).</summary>
    public static int MigrationLockId(string serviceName) => StableLockId("bhxh-migrations:", serviceName);

    /// <summary>The base of a service's async daemon lock ids (Marten's DaemonLockId), stable across its replicas.</summary>
    public static int DaemonLockId(string serviceName) => StableLockId("bhxh-daemon:", serviceName);

    /// <summary>The advisory-lock id that lets one replica of a service at a time write an audit checkpoint round.</summary>
    public static int CheckpointLockId(string serviceName) => StableLockId("bhxh-audit-checkpoints:", serviceName);

    private static int StableLockId(string purpose, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var hash = 2166136261u;
        foreach (var c in purpose + serviceName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
