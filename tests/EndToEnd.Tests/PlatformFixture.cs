using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform as the AppHost runs it (the identity service and the three services as real
/// processes, real Wolverine queues), against a throwaway PostgreSQL handed to the AppHost as its
/// connection string, with keys and secrets made for this run. Every call carries an access token the
/// real identity service issued to a demo person (the demo-data client's password grant, Development).
/// Integration messages cross on PostgreSQL queues; <see cref="RabbitMqPlatformFixture"/> runs the same on RabbitMQ.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string DemoDataSecret = "demo-data-secret-of-the-end-to-end-tests";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);
    private ThrowawayPostgres? _postgres;
    private DistributedApplication? _app;

    /// <summary>Where the services write their signed audit checkpoints during this run (removed after).</summary>
    public string CheckpointFolder { get; } = Path.Combine(Path.GetTempPath(), "bhxh-e2e-checkpoints-" + Guid.NewGuid().ToString("N"));

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>More AppHost arguments (the transport of the integration messages).</summary>
    protected virtual IEnumerable<string> MoreArguments => [];

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            // The end-to-end tests start empty; tests/DemoData.Tests loads the demo data.
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                [.. new AppHostArguments(_postgres.ConnectionString, DemoDataSecret, loadDemoData: false, CheckpointFolder).ToArray(), .. MoreArguments],
                timeout.Token);
            _app = await builder.BuildAsync(timeout.Token);
            await _app.StartAsync(timeout.Token);
            foreach (var service in ServiceNames.All.Append(ServiceNames.Identity))
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
            }

            foreach (var person in People)
            {
                await SignInAsync(person, timeout.Token);
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the service that calls as the provincial administrator (admin.dong-nai, signed in at the identity service).</summary>
    public HttpClient Client(string service) => Client(service, "admin.dong-nai");

    /// <summary>A client of the service that calls as this demo person.</summary>
    public HttpClient Client(string service, string person)
    {
        var client = App.CreateHttpClient(service, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(person));
        return client;
    }

    /// <summary>The demo people the tests act as.</summary>
    public static readonly IReadOnlyList<string> People = ["admin.dong-nai", "officer.bien-hoa", "auditor.dong-nai"];

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>
    /// An access token of the real identity service for a demo person, taken at start-up (the demo-data client's
    /// password grant); it lives 10 minutes, far longer than this collection runs.
    /// </summary>
    public string TokenFor(string person) =>
        _tokens.TryGetValue(person, out var token) ? token : throw new InvalidOperationException($"No token was taken for {person} (see People).");

    private async Task SignInAsync(string person, CancellationToken cancellation)
    {
        using var identity = App.CreateHttpClient(ServiceNames.Identity, "http");
        using var response = await identity.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "demo-data",
            ["client_secret"] = DemoDataSecret,
            ["username"] = person,
            ["password"] = "Demo@2026",
            ["scope"] = "openid profile roles planning outreach partners identity",
        }), cancellation);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation)).RootElement;
        response.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        _tokens[person] = body.GetProperty("access_token").GetString()!;
    }

    public virtual async Task DisposeAsync()
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

        foreach (var folder in new[] { CheckpointFolder, CheckpointFolder + "-mail" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// The whole platform with RabbitMQ as the transport (Messaging:Transport=rabbitmq): the AppHost starts the
/// broker itself, as it does for a developer without Docker (Debian's rabbitmq-server as an executable
/// resource, with its own epmd and ports), in a data folder of this run, removed after.
/// </summary>
public sealed class RabbitMqPlatformFixture : PlatformFixture
{
    public string BrokerFolder { get; } = Path.Combine(Path.GetTempPath(), "bhxh-e2e-rabbitmq-" + Guid.NewGuid().ToString("N")[..12]);

    protected override IEnumerable<string> MoreArguments => ["--Messaging:Transport=rabbitmq", $"--RabbitMq:DataDirectory={BrokerFolder}"];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(BrokerFolder))
        {
            Directory.Delete(BrokerFolder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Whole platform";
}

[CollectionDefinition(Name)]
public sealed class RabbitMqPlatformCollection : ICollectionFixture<RabbitMqPlatformFixture>
{
    public const string Name = "Whole platform on RabbitMQ";
}
