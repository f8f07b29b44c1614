using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>A malformed envelope in Planning's queue table, ahead of a good one.</summary>
public sealed class DeadLetterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_malformed_envelope_does_not_block_the_queue_and_is_discarded_not_dead_lettered()
    {
        const string district = "nhon-trach";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var cs = postgres.ConnectionString;

        Guid activityId;
        await using (var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, cs, Faults.SigningKey))
        {
            using var client = Faults.Authorise(outreach.Client());
            using var created = await client.PostAsJsonAsync(new Uri($"/api/units/{district}/activities", UriKind.Relative), Faults.Activity(9));
            created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
            activityId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
            await Faults.EventuallyAsync(
                () => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 1);
        }

        // A row shaped like the good one, but its envelope bytes are garbage.
        var malformedId = Guid.CreateVersion7();
        await Faults.ExecuteAsync(cs, "create table public.fault_malformed as select * from wolverine_queues.wolverine_queue_planning");
        await Faults.ExecuteAsync(cs, "update public.fault_malformed set id = $1, body = $2", malformedId, "not an envelope"u8.ToArray());
        await Faults.ExecuteAsync(cs, "insert into wolverine_queues.wolverine_queue_planning select * from public.fault_malformed");

        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, cs, Faults.SigningKey);
        var delivered = await Faults.EventuallyAsync(() => Faults.PlanningActivitiesAsync(cs), ids => ids.Contains(activityId));
        var queued = await Faults.EventuallyAsync(
            () => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 0);
        var deadLetters = await Faults.CountAsync(cs, "select count(*) from planning.wolverine_dead_letters");
        output.WriteLine($"good message delivered {delivered.Contains(activityId)}, left in queue {queued}, planning dead letters {deadLetters}");

        delivered.ShouldContain(activityId);
        queued.ShouldBe(0);

        // Finding (Wolverine 6.62 PostgreSQL listener): an envelope that cannot be read is logged and
        // dropped, not moved to wolverine_dead_letters, so it cannot be replayed. Asserted as it is.
        deadLetters.ShouldBe(0);
    }
}
