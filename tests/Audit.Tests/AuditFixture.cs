using Alba;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.ServiceDefaults;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace BhxhPlatform.Audit.Tests;

/// <summary>A service built like the real ones (AddServiceDefaults + AddCritterStack) around <see cref="Ledger"/>.</summary>
public sealed class AuditFixture : IAsyncLifetime
{
    public const string Schema = "audit_test";
    private ThrowawayPostgres? _postgres;

    public IAlbaHost Host { get; private set; } = null!;

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public string ConnectionString => _postgres!.ConnectionString;

    /// <summary>The service's checkpoint signing key (EC P-256), as configuration would give it.</summary>
    public static readonly string SigningKeyPem = NewKey();

    /// <summary>The append-only checkpoint folder of this test run (removed at the end).</summary>
    public string CheckpointFolder { get; } = Path.Combine(Path.GetTempPath(), "bhxh-audit-checkpoints-" + Guid.NewGuid().ToString("N"));

    public static string NewKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    // The default test user makes every whole-unit read of the run (verify, export, rebuild check) within one window.
    public const int ExpensiveReadPermits = 60;

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AuditFixture).Assembly.GetName().Name,
        });
        builder.Configuration[$"ConnectionStrings:{CritterStackExtensions.ConnectionName}"] = _postgres.ConnectionString;
        builder.Configuration["Auth:Issuer"] = TestTokens.Issuer;
        builder.Configuration["Auth:Jwks"] = TestTokens.Settings["Auth__Jwks"];
        builder.Configuration["Auth:Audience"] = "planning";
        builder.Configuration["Audit:SigningKey"] = SigningKeyPem;
        builder.Configuration["Audit:CheckpointPath"] = CheckpointFolder;
        // Low enough for a test to reach, high enough that the other tests (one user each) never do.
        builder.Configuration["RateLimits:ExpensiveReads:PermitLimit"] = ExpensiveReadPermits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["RateLimits:ExpensiveReads:WindowSeconds"] = "3600";
        builder.AddServiceDefaults();
        builder.AddCritterStack(Schema, marten => marten.Projections.Snapshot<Ledger>(SnapshotLifecycle.Inline));
        builder.Services.RunWolverineInSoloMode();
        builder.Services.MartenDaemonModeIsSolo();
        builder.Services.DisableAllExternalWolverineTransports();
        Host = await AlbaHost.For(builder, app =>
        {
            app.MapDefaultEndpoints();
            app.MapServiceEndpoints();
        });

        // Auditors read every unit; the tests call as one unless they say otherwise.
        Host.BeforeEach(context =>
        {
            if (!context.Request.Headers.ContainsKey("Authorization"))
            {
                context.Request.Headers.Authorization = $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province, "kiem.toan")}";
            }
        });
    }

    /// <summary>A clean database and an empty checkpoint folder (checkpoints of a history that was wiped would contradict the next one).</summary>
    public async Task ResetAsync()
    {
        await Host.ResetAllMartenDataAsync();
        RemoveCheckpoints();
    }

    private void RemoveCheckpoints()
    {
        if (!Directory.Exists(CheckpointFolder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(CheckpointFolder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(CheckpointFolder, recursive: true);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _postgres!.DisposeAsync();
        RemoveCheckpoints();
    }

    /// <summary>Opens a ledger and records amounts, one unit of work per event, as a named user.</summary>
    public async Task<Guid> LedgerAsync(string tenant, string user, params decimal[] amounts)
    {
        var id = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession(tenant))
        {
            session.LastModifiedBy = user;
            session.CorrelationId = "corr-" + id.ToString("N")[..8];
            session.CausationId = "open";
            session.Events.StartStream<Ledger>(id, new LedgerOpened(id, "Sổ theo dõi của huyện"));
            await session.SaveChangesAsync();
        }

        var version = 1L;
        foreach (var amount in amounts)
        {
            await using var session = Store.LightweightSession(tenant);
            session.LastModifiedBy = user;
            session.CausationId = $"record-{amount}";
            session.Events.Append(id, ++version, new AmountRecorded(id, amount, "Ghi nhận số tiền đóng"));
            await session.SaveChangesAsync();
        }

        return id;
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditFixture>
{
    public const string Name = "Audit";
}
