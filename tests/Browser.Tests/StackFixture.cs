using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// The whole platform as the AppHost runs it (identity, portal and services as real processes) against a
/// throwaway PostgreSQL, with keys and secrets made for this run and no demo data, so each journey sets up
/// what it needs. Also holds the Playwright driver; each test opens its own browser (<see cref="OpenBrowserAsync"/>).
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    public const string DemoDataSecret = "demo-data-secret-of-the-browser-tests";
    public const string Password = "Demo@2026";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private ThrowawayPostgres? _postgres;
    private AppHostArguments? _arguments;
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>The identity service's address (its sign-in pages), as the browser reaches it.</summary>
    public Uri Identity => Endpoint(ServiceNames.Identity);

    public async Task InitializeAsync()
    {
        try
        {
            _postgres = await ThrowawayPostgres.StartAsync();
            using var timeout = new CancellationTokenSource(StartTimeout);
            // The journeys make their own facts; the demo-data loader would only add noise to the figures compared.
            _arguments = new AppHostArguments(_postgres.ConnectionString, DemoDataSecret, loadDemoData: false);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(_arguments.ToArray(), timeout.Token);
            builder.Services.AddLogging(logging => logging.AddProvider(new ResourceLogFiles(LogFolder)));
            _app = await builder.BuildAsync(timeout.Token);
            var model = _app.Services.GetRequiredService<DistributedApplicationModel>();
            await _app.StartAsync(timeout.Token);

            // Every project of the AppHost (identity, the services and the portal), healthy.
            foreach (var project in model.Resources.OfType<ProjectResource>())
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(project.Name, timeout.Token);
            }

            _playwright = await Playwright.CreateAsync();
            // Two cores run the whole platform: a page (the sign-in's redirects above all) may take longer than Playwright's 5 s.
            Assertions.SetDefaultExpectTimeout(20_000);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Where each resource's console output is written, one file per resource, for a failing journey's reader.</summary>
    public static string LogFolder => Path.Combine(BrowserSession.ResultsRoot, "logs");

    /// <summary>The portal's address, as the browser reaches it.</summary>
    public Uri Portal => Endpoint(ServiceNames.Portal);

    /// <summary>The address of one of the AppHost's resources (its http endpoint).</summary>
    public Uri Endpoint(string resource) => App.GetEndpoint(resource, "http");

    /// <summary>The reminder mail the identity service's Development mail sink kept for a demo person (MimeKit reads each .eml file).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailTo(string person)
    {
        var folder = _arguments?.MailFolder ?? throw new InvalidOperationException("The platform is not started.");
        var address = $"{person}@demo.bhxh.local";
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))]
            : [];
    }

    /// <summary>A browser of its own for one test (Debian's Chromium), its screenshots under the test's name.</summary>
    public Task<BrowserSession> OpenBrowserAsync(
        bool javaScript = true,
        [System.Runtime.CompilerServices.CallerFilePath] string file = "",
        [System.Runtime.CompilerServices.CallerMemberName] string test = "") =>
        BrowserSession.OpenAsync(_playwright ?? throw new InvalidOperationException("The platform is not started."),
            $"{Path.GetFileNameWithoutExtension(file)}.{test}", javaScript);

    /// <summary>
    /// A client of the service that calls as this person, with a fresh access token of the real identity service
    /// (the demo-data client's password grant, Development only), for what a journey needs but does not test.
    /// </summary>
    public async Task<HttpClient> ApiAsync(string service, string person, string password = Password)
    {
        var client = App.CreateHttpClient(service, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(person, password));
        return client;
    }

    public async Task<string> TokenAsync(string person, string password = Password)
    {
        using var identity = App.CreateHttpClient(ServiceNames.Identity, "http");
        using var response = await identity.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "demo-data",
            ["client_secret"] = DemoDataSecret,
            ["username"] = person,
            ["password"] = password,
            ["scope"] = "openid profile roles planning outreach partners identity",
        }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.IsSuccessStatusCode.ShouldBeTrue($"password grant for {person}: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        _playwright?.Dispose();
        _playwright = null;
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

        _arguments?.DeleteCheckpoints();
        _arguments = null;
    }
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "Whole platform in a browser";
}
