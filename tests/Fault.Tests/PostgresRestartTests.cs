using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>PostgreSQL stopped in immediate mode (a crash) and started again on the same port while commands arrive.</summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const int Commands = 200;

    [Fact]
    public async Task A_postgres_crash_under_load_gives_errors_never_a_false_success_and_the_services_recover_on_their_own()
    {
        const string district = "trang-bom";
        await using var postgres = await ThrowawayPostgres.StartLocalAsync();
        var cluster = postgres.Cluster.ShouldNotBeNull();
        var cs = postgres.ConnectionString;
        await using var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, cs);
        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, cs);
        using var client = Faults.Authorise(outreach.Client());
        using var planningClient = Faults.Authorise(planning.Client());
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planningClient, client, district);

        var stream = new CommandStream(client, district, plan, Commands, clients: 3);
        var load = stream.RunAsync(TimeSpan.FromSeconds(60));
        while (stream.Sent < Commands / 3 && !load.IsCompleted)
        {
            await Task.Delay(20);
        }

        await cluster.StopAsync("immediate");
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.StartAsync(postgres.Port);
        await load;

        var healthy = await Faults.EventuallyAsync(
            async () => await Faults.IsHealthyAsync(client) && await Faults.IsHealthyAsync(planningClient), ok => ok);
        healthy.ShouldBeTrue($"{outreach.Output}\n{planning.Output}");

        // A new command after the restart succeeds (bounded retries) and crosses to Planning.
        var after = new CommandStream(client, district, plan, 1, clients: 1);
        await Faults.EventuallyAsync(async () =>
        {
            await after.RunAsync(TimeSpan.FromSeconds(5));
            return after.Attempts.Any(a => a.Status == 201);
        }, ok => ok, TimeSpan.FromSeconds(30));

        var attempts = stream.Attempts.Concat(after.Attempts).ToList();
        var acknowledged = attempts.Where(a => a.Status == 201).Select(a => a.Id!.Value).ToList();
        var stored = await Faults.LoggedEventsAsync(cs);
        var delivered = await Faults.EventuallyAsync(() => Faults.PlanningActivitiesAsync(cs), ids => ids.SetEquals(stored.Keys));
        output.WriteLine(
            $"sent {attempts.Count}, acknowledged {acknowledged.Count}, failed {attempts.Count - acknowledged.Count} " +
            $"(statuses: {string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}), " +
            $"stored {stored.Count} (stored without acknowledgement {stored.Keys.Except(acknowledged).Count()}), " +
            $"delivered to planning {delivered.Count}, duplicates stored {stored.Values.Count(c => c > 1)}");

        acknowledged.ShouldNotBeEmpty();
        after.Attempts.ShouldContain(a => a.Status == 201, "no command succeeded after the restart");
        attempts.Where(a => a.Status != 201).ShouldAllBe(a => a.Status == 0 || a.Status >= 500);
        foreach (var id in acknowledged)
        {
            stored.GetValueOrDefault(id).ShouldBe(1, $"activity {id} was acknowledged");
        }

        stored.Values.ShouldAllBe(count => count == 1);
        delivered.SetEquals(stored.Keys).ShouldBeTrue(
            $"missing in planning: {stored.Keys.Except(delivered).Count()}\n{await Faults.EnvelopesAsync(cs)}\n{planning.Output}");
    }
}
