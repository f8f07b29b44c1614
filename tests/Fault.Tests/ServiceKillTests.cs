using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>SIGKILL the receiver and the sender in the middle of a command stream; nothing is lost or doubled.</summary>
public sealed class ServiceKillTests(ITestOutputHelper output)
{
    private const int Commands = 300;

    [Fact]
    public async Task Every_acknowledged_activity_is_stored_once_and_reaches_planning_once_although_both_services_are_killed()
    {
        const string district = "bien-hoa";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, postgres.ConnectionString);
        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString);
        using var client = Faults.Authorise(outreach.Client());
        using var planningClient = Faults.Authorise(planning.Client());
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planningClient, client, district);

        var stream = new CommandStream(client, district, plan, Commands, clients: 4);
        var load = stream.RunAsync(TimeSpan.FromSeconds(90));

        await WaitUntilSentAsync(stream, Commands / 4, load);
        await planning.KillAsync();
        await WaitUntilSentAsync(stream, Commands / 3, load);
        var planningBack = planning.RestartAsync();
        await WaitUntilSentAsync(stream, Commands / 2, load);
        await outreach.RestartAsync();
        await Task.WhenAll(load, planningBack);

        var attempts = stream.Attempts;
        var acknowledged = attempts.Where(a => a.Status == 201).Select(a => a.Id!.Value).ToList();
        var stored = await Faults.LoggedEventsAsync(postgres.ConnectionString);
        var settling = System.Diagnostics.Stopwatch.StartNew();
        var delivered = await Faults.EventuallyAsync(
            () => Faults.PlanningActivitiesAsync(postgres.ConnectionString), ids => ids.SetEquals(stored.Keys), TimeSpan.FromSeconds(100));
        settling.Stop();
        var applied = await Faults.AppliedRecordedAsync(postgres.ConnectionString);

        output.WriteLine(
            $"sent {attempts.Count}, acknowledged {acknowledged.Count}, failed {attempts.Count - acknowledged.Count} " +
            $"(statuses: {string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}), " +
            $"stored {stored.Count} (stored without acknowledgement {stored.Keys.Except(acknowledged).Count()}), " +
            $"delivered to planning {delivered.Count}, duplicates stored {stored.Values.Count(c => c > 1)}, " +
            $"duplicates applied {applied.Values.Count(c => c > 1)}; planning restarts {planning.Restarts}, outreach restarts {outreach.Restarts}; " +
            $"planning caught up {settling.Elapsed.TotalSeconds:0.0} s after the load");

        Faults.ShouldBeStoredAndDeliveredOnce(Commands, attempts, acknowledged, stored, delivered, applied, $"{await Faults.EnvelopesAsync(postgres.ConnectionString)}\n{planning.Output}\n{outreach.Output}");
    }

    private static async Task WaitUntilSentAsync(CommandStream stream, int sent, Task load)
    {
        while (stream.Sent < sent && !load.IsCompleted)
        {
            await Task.Delay(20);
        }
    }
}
