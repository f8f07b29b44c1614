using Alba;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.ServiceDefaults;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Xunit;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// One service hosted in memory by Alba against a throwaway PostgreSQL, shared by a test
/// collection. Messages to other services are captured, not sent (Wolverine tracking sees them).
/// </summary>
public abstract class ServiceFixture<TProgram> : IAsyncLifetime
    where TProgram : class
{
    private ThrowawayPostgres? _postgres;
    private IAlbaHost? _host;

    public IAlbaHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public ThrowawayPostgres Postgres => _postgres ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        try
        {
            // Read by the service while its builder runs, before any test host override applies.
            Environment.SetEnvironmentVariable($"ConnectionStrings__{CritterStackExtensions.ConnectionName}", _postgres.ConnectionString);
            TestTokens.TrustInThisProcess();
            Environment.SetEnvironmentVariable("PersonalData__MasterKey", TestPersonalData.MasterKey);
            _host = await AlbaHost.For<TProgram>(builder => builder.ConfigureServices(services =>
            {
                // One process: no leader election to wait for (the services run HotCold and Balanced).
                services.RunWolverineInSoloMode();
                // Set after the service's own AddAsyncDaemon(HotCold), which Marten's MartenDaemonModeIsSolo did not
                // override here (the async projection's daemon never started in Outreach's tests).
                services.ConfigureMarten(options => options.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Solo);
                services.DisableAllExternalWolverineTransports();
            }));

            // Every scenario calls as the provincial administrator unless it sets its own Authorization header.
            _host.BeforeEach(context =>
            {
                if (!context.Request.Headers.ContainsKey("Authorization"))
                {
                    context.Request.Headers.Authorization = $"Bearer {TestTokens.ProvincialAdministrator}";
                }
            });
        }
        catch
        {
            await _postgres.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    /// <summary>Runs SQL straight against the test database: a test's way to look under the service, or to break it on purpose.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The single value a query against the test database answers (a count, say).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Removes every document and event, so each test starts from nothing.</summary>
    public Task ResetAsync() => Host.ResetAllMartenDataAsync();
}
