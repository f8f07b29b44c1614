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
        await using (var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, postgres.ConnectionString, Tokens.SigningKey))
        {
            using var client = Tokens.Authorise(outreach.Client());
            activityId = await MessagesCrossServiceLinesTests.CreateAsync(
                client, $"/api/units/{district}/activities", MessagesCrossServiceLinesTests.Activity(null, "2.01", 7));
        }

        // Outreach is gone too; the message is a row in Planning's queue table, not in anyone's memory.
        (await QueuedMessagesAsync(postgres.ConnectionString, ServiceNames.Planning)).ShouldBeGreaterThanOrEqualTo(1);

        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString, Tokens.SigningKey);
        using var planningClient = Tokens.Authorise(planning.Client());
        var lines = await MessagesCrossServiceLinesTests.EventuallyAsync(
            planningClient, $"/api/units/{district}/progress/lines", json => json.GetArrayLength() == 1);
        lines[0].GetProperty("activities").GetInt32().ShouldBe(1, planning.Output);
        lines[0].GetProperty("peopleReached").GetInt32().ShouldBe(7);
        activityId.ShouldNotBe(Guid.Empty);
    }

    private static async Task<long> QueuedMessagesAsync(string connectionString, string queue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from wolverine_queues.wolverine_queue_{queue}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
