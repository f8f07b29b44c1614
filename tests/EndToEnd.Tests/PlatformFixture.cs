using Aspire.Hosting;
using Aspire.Hosting.Testing;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform as the AppHost runs it (real service processes, real Wolverine queues),
/// against a throwaway PostgreSQL handed to the AppHost as its connection string.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private ThrowawayPostgres? _postgres;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform is not started.");

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                [$"--ConnectionStrings:bhxh={_postgres.ConnectionString}", $"--Parameters:auth-signing-key={Tokens.SigningKey}"], timeout.Token);
            _app = await builder.BuildAsync(timeout.Token);
            await _app.StartAsync(timeout.Token);
            foreach (var service in ServiceNames.All)
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the service that calls as the provincial administrator.</summary>
    public HttpClient Client(string service) => Tokens.Authorise(App.CreateHttpClient(service, "http"));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            _postgres = null;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Whole platform";
}
