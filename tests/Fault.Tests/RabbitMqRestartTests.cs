using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>
/// RabbitMQ as the transport, killed (SIGKILL: a crash, not a shutdown) in the middle of a command stream
/// and started again on the same ports and folder a few seconds later.
/// </summary>
public sealed class RabbitMqRestartTests(ITestOutputHelper output)
{
    private const int Commands = 240;

    [Fact]
    public async Task A_rabbitmq_crash_under_load_loses_no_acknowledged_activity_and_doubles_none_in_planning()
    {
        const string district = "long-thanh";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var rabbit = await ThrowawayRabbitMq.StartAsync();
        var cs = postgres.ConnectionString;
        await using var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, cs, rabbit.ServiceSettings);
        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, cs, rabbit.ServiceSettings);
        using var client = Faults.Authorise(outreach.Client());
        using var planningClient = Faults.Authorise(planning.Client());
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planningClient, client, district);

        var stream = new CommandStream(client, district, plan, Commands, clients: 3);
        var load = stream.RunAsync(TimeSpan.FromSeconds(90));
        while (stream.Sent < Commands / 3 && !load.IsCompleted)
        {
            await Task.Delay(20);
        }

        // Commands go on while the broker is down: they are stored with their messages in Outreach's outbox.
        await rabbit.KillAsync();
        var sentWhileDown = stream.Sent;
        await Task.Delay(TimeSpan.FromSeconds(4));
        sentWhileDown = stream.Sent - sentWhileDown;
        await rabbit.StartAgainAsync();
        await load;

        var attempts = stream.Attempts;
        var acknowledged = attempts.Where(a => a.Status == 201).Select(a => a.Id!.Value).ToList();
        var stored = await Faults.LoggedEventsAsync(cs);
        var settling = System.Diagnostics.Stopwatch.StartNew();
        var delivered = await Faults.EventuallyAsync(
            () => Faults.PlanningActivitiesAsync(cs), ids => ids.SetEquals(stored.Keys), TimeSpan.FromSeconds(90));
        settling.Stop();
        var applied = await Faults.AppliedRecordedAsync(cs);

        output.WriteLine(
            $"sent {attempts.Count} ({sentWhileDown} while the broker was down), acknowledged {acknowledged.Count}, " +
            $"statuses: {string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}; " +
            $"stored {stored.Count}, delivered to planning {delivered.Count}, duplicates applied {applied.Values.Count(c => c > 1)}; " +
            $"planning caught up {settling.Elapsed.TotalSeconds:0.0} s after the load");

        attempts.Count.ShouldBe(Commands);
        sentWhileDown.ShouldBeGreaterThan(0, "no command was sent while the broker was down");
        // The broker is not on a command's path: every command is acknowledged, also while it is down.
        acknowledged.Count.ShouldBe(Commands, string.Join('\n', attempts.Where(a => a.Status != 201).Take(5).Select(a => $"{a.Status} {a.Error}")));
        foreach (var id in acknowledged)
        {
            stored.GetValueOrDefault(id).ShouldBe(1, $"activity {id} was acknowledged");
        }

        delivered.SetEquals(stored.Keys).ShouldBeTrue(
            $"missing in planning: {stored.Keys.Except(delivered).Count()}; ready in planning's queue: {await rabbit.ReadyMessagesAsync(ServiceNames.Planning)}\n" +
            $"{await Faults.EnvelopesAsync(cs)}\n{planning.Output}\n{outreach.Output}\n{rabbit.Output}");
        applied.Keys.ToHashSet().SetEquals(stored.Keys).ShouldBeTrue();
        applied.Values.ShouldAllBe(count => count == 1);
    }
}
