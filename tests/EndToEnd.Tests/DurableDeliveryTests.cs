using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Npgsql;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>The services as plain processes, so a receiver can be absent while a sender works.</summary>
public sealed class DurableDeliveryTests
{
    [Fact]
    public async Task An_activity_logged_while_planning_is_down_waits_in_its_queue_and_is_delivered_when_planning_starts()
    {
        const string district = "tan-phu";
        await using var postgres = await ThrowawayPostgres.StartAsync();

        Guid activityId;
        await using (var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, postgres.ConnectionString))
        {
            using var client = Tokens.Authorise(outreach.Client());

            // Planning runs long enough to approve the district's plan, which Outreach must know first.
            Guid plan;
            await using (var planningBefore = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString))
            {
                using var approver = Tokens.Authorise(planningBefore.Client());
                plan = await ApprovedPlans.GivenApprovedPlanAsync(approver, client, district);
            }

            activityId = await MessagesCrossServiceLinesTests.CreateAsync(
                client, $"/api/units/{district}/activities", MessagesCrossServiceLinesTests.Activity(plan, null, "2.01", 7));
        }

        // Outreach is gone too; the message is a row in Planning's queue table, not in anyone's memory. It was
        // stored in Outreach's outbox table in the command's own transaction, then relayed by Wolverine.
        (await QueuedMessagesAsync(postgres.ConnectionString, ServiceNames.Planning)).ShouldBeGreaterThanOrEqualTo(1);
        var outboxRows = 0L;
        for (var attempt = 0; attempt < 50 && outboxRows < 1; attempt++)
        {
            await Task.Delay(200);
            outboxRows = await OutboxInsertsAsync(postgres.ConnectionString);
        }

        outboxRows.ShouldBeGreaterThanOrEqualTo(1);

        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString);
        using var planningClient = Tokens.Authorise(planning.Client());
        var lines = await MessagesCrossServiceLinesTests.EventuallyAsync(
            planningClient, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 1);
        lines[0].GetProperty("activities").GetInt32().ShouldBe(1, planning.Output);
        lines[0].GetProperty("peopleReached").GetInt32().ShouldBe(7);
        activityId.ShouldNotBe(Guid.Empty);
    }

    /// <summary>Rows ever inserted into Outreach's Wolverine outbox table (PostgreSQL's statistics, updated within a second or so).</summary>
    private static async Task<long> OutboxInsertsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select coalesce(sum(n_tup_ins), 0)::bigint from pg_stat_user_tables where schemaname = 'outreach' and relname = 'wolverine_outgoing_envelopes'",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> QueuedMessagesAsync(string connectionString, string queue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from wolverine_queues.wolverine_queue_{queue}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
