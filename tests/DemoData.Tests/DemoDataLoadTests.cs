using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BhxhPlatform.Contracts;
using BhxhPlatform.DemoData;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BhxhPlatform.DemoData.Tests;

/// <summary>
/// The whole AppHost started as a newcomer starts it (demo data on), against a throwaway PostgreSQL: the
/// loader runs as a resource once the services are healthy and exits; what it loaded is read back through
/// the services' APIs; a second run of the loader writes nothing.
/// </summary>
public sealed class DemoDataLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "demo-data-secret-of-the-demo-data-tests";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private ThrowawayPostgres? _postgres;
    private AppHostArguments? _arguments;
    private DistributedApplication? _app;

    private DistributedApplication App => _app!;

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        _arguments = new AppHostArguments(_postgres.ConnectionString, Secret, loadDemoData: true);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(_arguments.ToArray(), timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _arguments?.DeleteCheckpoints();
    }

    private LoaderSettings Settings => new(
        App.GetEndpoint(ServiceNames.Identity, "http"), App.GetEndpoint(ServiceNames.Planning, "http"),
        App.GetEndpoint(ServiceNames.Outreach, "http"), App.GetEndpoint(ServiceNames.Partners, "http"), Secret);

    [Fact]
    public async Task The_first_start_loads_the_demo_province_through_the_APIs_and_a_second_run_adds_nothing()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var finished = await App.ResourceNotifications.WaitForResourceAsync("demo-data",
            e => e.Snapshot.State?.Text is { } state && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart),
            timeout.Token);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        // What the loader wrote as a resource, also any pass it had to run again, and why.
        var written = await LoaderOutputAsync(finished.ResourceId, timeout.Token);
        output.WriteLine(written);
        if (finished.Snapshot.ExitCode != 0)
        {
            // Running the loader here as well shows whether the stop was for good.
            await new DemoLoader(new DemoApi(Settings, http), TextWriter.Null, TimeProvider.System).RunAsync(timeout.Token);
            finished.Snapshot.ExitCode.ShouldBe(0, $"the loader failed as a resource but not when run again:\n{written}");
        }

        var api = new DemoApi(Settings, http);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year;
        var admin = DemoLoader.Admin;

        // The template, published and rolled out; every unit's plan; one returned with its reason.
        var templates = await api.GetAsync(admin, Settings.Planning, "/api/units/dong-nai/plan-templates", timeout.Token);
        templates.EnumerateArray().ShouldContain(t => t.GetProperty("status").GetString() == "Published" && t.GetProperty("year").GetInt32() == year);
        var districts = await api.GetAsync(admin, Settings.Planning, "/api/organisation/provinces/dong-nai/districts", timeout.Token);
        var plans = await api.GetAsync(admin, Settings.Planning, $"/api/units/dong-nai/district-plans/years/{year}/all", timeout.Token);
        plans.GetArrayLength().ShouldBe(districts.GetArrayLength());
        plans.EnumerateArray().Count(p => p.GetProperty("status").GetString() == "Returned").ShouldBe(1);
        plans.EnumerateArray().Count(p => p.GetProperty("status").GetString() == "Approved").ShouldBe(districts.GetArrayLength() - 1);
        var returned = await api.GetAsync(admin, Settings.Planning, $"/api/units/{DemoLoader.ReturnedUnit}/district-plans/years/{year}", timeout.Token);
        returned.GetProperty("lastReason").GetString().ShouldBe(DemoLoader.ReturnReason);

        // Activities of every form in bien-hoa, counted in Planning's progress (which hears of them by message).
        var plan = await api.GetAsync(admin, Settings.Planning, $"/api/units/bien-hoa/district-plans/years/{year}", timeout.Token);
        var formOf = plan.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line"))
            .ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("formKind").GetString()!);
        var uncounted = new List<string>();
        await DemoApi.UntilAsync("Planning to count an activity of every form in bien-hoa", async () =>
        {
            var progress = await api.GetAsync(admin, Settings.Planning, $"/api/units/bien-hoa/progress/years/{year}", timeout.Token);
            var counted = progress.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("logged").GetInt32() > 0)
                .Select(l => formOf[l.GetProperty("code").GetString()!]).ToHashSet();
            uncounted = [.. Enum.GetNames<CommunicationForm>().Where(f => !counted.Contains(f))];
            return uncounted.Count == 0;
        }, timeout.Token, TimeSpan.FromMinutes(2));
        uncounted.ShouldBeEmpty();

        // An agreement expiring within 30 days, and outcomes on the hand-off reported by the collection agent.
        await DemoApi.UntilAsync("the expiry warning of bien-hoa's contract", async () =>
        {
            var expiring = await api.GetAsync(admin, Settings.Partners, "/api/units/bien-hoa/agreements/expiring-soon", timeout.Token);
            return expiring.EnumerateArray().Any(a => DateOnly.Parse(a.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        }, timeout.Token);
        var handOffs = await api.GetAsync(DemoLoader.AgentAccount, Settings.Outreach, "/api/units/bien-hoa/hand-offs", timeout.Token);
        handOffs.GetArrayLength().ShouldBe(1);
        handOffs[0].GetProperty("outcomes").GetArrayLength().ShouldBe(DemoLoader.HandedOff);

        var before = await CountsAsync(api, districts, year, timeout.Token);
        before.Values.Where((_, i) => i > 0).ShouldAllBe(v => v > 0);

        // A restart runs the loader again: it finds everything done.
        await new DemoLoader(new DemoApi(Settings, http), TextWriter.Null, TimeProvider.System).RunAsync(timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(5), timeout.Token);
        var after = await CountsAsync(api, districts, year, timeout.Token);
        after.ShouldBe(before);
    }

    private async Task<string> LoaderOutputAsync(string resourceId, CancellationToken cancellation)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new List<string>();
        foreach (var name in new[] { resourceId, "demo-data" }.Distinct())
        {
            await foreach (var batch in logs.GetAllAsync(name).WithCancellation(cancellation))
            {
                lines.AddRange(batch.Select(l => (l.IsErrorMessage ? "stderr: " : "") + l.Content));
            }

            if (lines.Count > 0)
            {
                break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>What the loader wrote, counted through the APIs, per unit and kind.</summary>
    private static async Task<SortedDictionary<string, int>> CountsAsync(DemoApi api, JsonElement districts, int year, CancellationToken cancellation)
    {
        var s = api.Settings;
        var admin = DemoLoader.Admin;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["templates"] = (await api.GetAsync(admin, s.Planning, "/api/units/dong-nai/plan-templates", cancellation)).GetArrayLength(),
        };
        var progress = await api.GetAsync(admin, s.Planning, $"/api/units/dong-nai/progress/years/{year}", cancellation);
        counts["province logged"] = progress.GetProperty("logged").GetInt32();
        counts["province enrolled"] = progress.GetProperty("enrolled").GetInt32();
        foreach (var district in districts.EnumerateArray().Select(d => d.GetProperty("id").GetString()!))
        {
            var log = await api.GetAsync(admin, s.Outreach, $"/api/units/{district}/activities?limit=200", cancellation);
            log.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
            counts[$"{district} activities"] = log.GetProperty("items").GetArrayLength();
            counts[$"{district} prospects"] = (await api.GetAsync(admin, s.Outreach, $"/api/units/{district}/prospects", cancellation)).GetArrayLength();
            counts[$"{district} partners"] = (await api.GetAsync(admin, s.Partners, $"/api/units/{district}/partners", cancellation)).GetArrayLength();
            counts[$"{district} agreements"] = (await api.GetAsync(admin, s.Partners, $"/api/units/{district}/agreements", cancellation)).GetArrayLength();
            counts[$"{district} collaborators"] = (await api.GetAsync(admin, s.Partners, $"/api/units/{district}/collaborators", cancellation)).GetArrayLength();
            counts[$"{district} trainings"] = (await api.GetAsync(admin, s.Partners, $"/api/units/{district}/trainings?year={year}", cancellation)).GetArrayLength();
        }

        counts["bien-hoa hand-offs"] = (await api.GetAsync(admin, s.Outreach, "/api/units/bien-hoa/hand-offs", cancellation)).GetArrayLength();
        return counts;
    }
}
