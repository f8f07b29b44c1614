using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Wolverine.Runtime.Serialization;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>Malformed messages in Planning's queue (written there by the test, as a fault): unreadable envelope bytes, an unreadable body.</summary>
public sealed class DeadLetterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_malformed_envelope_does_not_block_the_queue_and_the_good_message_is_handled_once()
    {
        const string district = "nhon-trach";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var cs = postgres.ConnectionString;

        Guid activityId;
        await using (var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, cs))
        {
            using var client = Faults.Authorise(outreach.Client());
            var plan = await Faults.GivenApprovedPlanAsync(cs, district, client);
            using var created = await client.PostAsJsonAsync(new Uri($"/api/units/{district}/activities", UriKind.Relative), Faults.Activity(plan, 9));
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

        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, cs);
        var delivered = await Faults.EventuallyAsync(() => Faults.PlanningActivitiesAsync(cs), ids => ids.Contains(activityId));
        var queued = await Faults.EventuallyAsync(
            () => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 0);
        var inInbox = await Faults.CountAsync(cs, "select count(*) from planning.wolverine_incoming_envelopes where id = $1", malformedId);
        output.WriteLine($"good message delivered {delivered.Contains(activityId)}, left in queue {queued}, malformed row in inbox {inInbox}");

        delivered.ShouldContain(activityId);
        queued.ShouldBe(0);
        (await Faults.AppliedRecordedAsync(cs)).GetValueOrDefault(activityId).ShouldBe(1);

        // Wolverine's listener logs the unreadable row and leaves it in the inbox, never handled: its own
        // behaviour (no setting changes it), and the platform does not write into Wolverine's tables to move it.
    }

    [Fact]
    public async Task A_message_whose_body_cannot_be_read_is_dead_lettered_the_next_one_is_handled_and_an_administrator_replays_it()
    {
        const string district = "dinh-quan";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var cs = postgres.ConnectionString;

        Guid first;
        Guid second;
        await using (var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, cs))
        {
            using var client = Faults.Authorise(outreach.Client());
            var plan = await Faults.GivenApprovedPlanAsync(cs, district, client);
            first = await LogAsync(client, district, plan, 3);
            await Faults.EventuallyAsync(() => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 1);
            await Faults.ExecuteAsync(cs, "create table public.fault_good_envelope as select * from wolverine_queues.wolverine_queue_planning");
            second = await LogAsync(client, district, plan, 4);
            await Faults.EventuallyAsync(() => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 2);
        }

        // The first message's envelope is intact but its body is not JSON any more.
        var (envelopeId, goodBody) = (await Faults.QueryAsync(cs, "select id, body from public.fault_good_envelope",
            r => (r.GetGuid(0), (byte[])r[1]))).Single();
        var broken = EnvelopeSerializer.Deserialize(goodBody);
        broken.Data = "{\"activityId\": not json"u8.ToArray();
        await Faults.ExecuteAsync(cs, "update wolverine_queues.wolverine_queue_planning set body = $1 where id = $2",
            EnvelopeSerializer.Serialize(broken), envelopeId);

        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, cs);
        var handled = await Faults.EventuallyAsync(() => Faults.PlanningActivitiesAsync(cs), ids => ids.Contains(second));
        var deadLetters = await Faults.EventuallyAsync(
            () => Faults.QueryAsync(cs, "select id, exception_type from planning.wolverine_dead_letters", r => (Id: r.GetGuid(0), Type: r.GetString(1))),
            rows => rows.Count > 0);
        output.WriteLine($"next message handled {handled.Contains(second)}, dead letters {string.Join(", ", deadLetters)}");
        handled.ShouldContain(second);
        handled.ShouldNotContain(first);
        deadLetters.ShouldHaveSingleItem().Id.ShouldBe(envelopeId);

        // An operator repairs the body and replays it through the admin-only dead-letter API.
        await Faults.ExecuteAsync(cs, "update planning.wolverine_dead_letters set body = $1 where id = $2", goodBody, envelopeId);
        using var officer = planning.Client();
        officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", TestTokens.For("district-officer", district, "officer.dinh-quan"));
        using (var refused = await officer.PostAsJsonAsync(new Uri("/api/admin/dead-letters/replay", UriKind.Relative), new { ids = new[] { envelopeId } }))
        {
            refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        }

        using var admin = Faults.Authorise(planning.Client());
        using (var listed = await admin.PostAsJsonAsync(new Uri("/api/admin/dead-letters", UriKind.Relative), new { limit = 10 }))
        {
            listed.IsSuccessStatusCode.ShouldBeTrue(await listed.Content.ReadAsStringAsync());
            (await listed.Content.ReadAsStringAsync()).ShouldContain(envelopeId.ToString());
        }

        (await Faults.EventuallyAsync(() => DeadLetteredMessagesAsync(admin), n => n == 1)).ShouldBe(1, "the bhxh.dead_letters figure");

        using (var replayed = await admin.PostAsJsonAsync(new Uri("/api/admin/dead-letters/replay", UriKind.Relative), new { ids = new[] { envelopeId } }))
        {
            replayed.IsSuccessStatusCode.ShouldBeTrue(await replayed.Content.ReadAsStringAsync());
        }

        // The replayed letter goes back to Planning's inbox unowned; Wolverine's durability agent, which this node
        // runs once it has taken over the agents of the earlier Planning process (the one that approved the plan),
        // recovers it. That took over 60 s on a loaded 2-core machine: the step gets three minutes.
        var afterReplay = await Faults.EventuallyAsync(() => Faults.PlanningActivitiesAsync(cs), ids => ids.Contains(first), TimeSpan.FromMinutes(3));
        afterReplay.ShouldContain(first, $"{await Faults.EnvelopesAsync(cs)}\n{planning.Output}");
        (await Faults.EventuallyAsync(() => DeadLetteredMessagesAsync(admin), n => n == 0)).ShouldBe(0, "the bhxh.dead_letters figure after the replay");
    }

    private static async Task<long> DeadLetteredMessagesAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/admin/dead-letter-counts", UriKind.Relative))).GetProperty("messages").GetInt64();

    private static async Task<Guid> LogAsync(HttpClient client, string district, Guid plan, int reached)
    {
        using var created = await client.PostAsJsonAsync(new Uri($"/api/units/{district}/activities", UriKind.Relative), Faults.Activity(plan, reached));
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
    }
}
