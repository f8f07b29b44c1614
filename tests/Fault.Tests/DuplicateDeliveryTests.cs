using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Wolverine.Runtime.Serialization;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>The same envelope twice, and the same fact under a new message id: Planning changes state once.</summary>
public sealed class DuplicateDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_activity_delivered_twice_and_republished_under_a_new_message_id_is_counted_once()
    {
        const string district = "xuan-loc";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var cs = postgres.ConnectionString;

        Guid activityId;
        await using (var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, cs))
        {
            using var client = Faults.Authorise(outreach.Client());
            var plan = await Faults.GivenApprovedPlanAsync(cs, district, client);
            using var created = await client.PostAsJsonAsync(new Uri($"/api/units/{district}/activities", UriKind.Relative), Faults.Activity(plan, 12));
            created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
            activityId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
            await Faults.EventuallyAsync(
                () => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 1);
        }

        // Planning is not running: keep a copy of the queued envelope, exactly as Outreach wrote it.
        await Faults.ExecuteAsync(cs, "create table public.fault_saved_envelope as select * from wolverine_queues.wolverine_queue_planning");

        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, cs);
        (await Faults.EventuallyAsync(() => Faults.PlanningActivitiesAsync(cs), ids => ids.Contains(activityId))).ShouldContain(activityId);

        // 1. The very same envelope (same message id) delivered again.
        await Faults.ExecuteAsync(cs, "insert into wolverine_queues.wolverine_queue_planning select * from public.fault_saved_envelope");
        await Faults.EventuallyAsync(() => Faults.CountAsync(cs, "select count(*) from wolverine_queues.wolverine_queue_planning"), n => n == 0);

        // 2. The same business fact (same ActivityId) published again under a new message id.
        var body = (await Faults.QueryAsync(cs, "select body from public.fault_saved_envelope", r => (byte[])r[0])).Single();
        var envelope = EnvelopeSerializer.Deserialize(body);
        var republishedId = Guid.CreateVersion7();
        envelope.Id = republishedId;
        await Faults.ExecuteAsync(cs, "update public.fault_saved_envelope set id = $1, body = $2", republishedId, EnvelopeSerializer.Serialize(envelope));
        await Faults.ExecuteAsync(cs, "insert into wolverine_queues.wolverine_queue_planning select * from public.fault_saved_envelope");

        var facts = await Faults.EventuallyAsync(
            () => Faults.QueryAsync(cs,
                "select id, data->>'outcome' from planning.mt_doc_receivedfact where data->>'naturalId' = $1",
                r => (Id: r.GetGuid(0), Outcome: r.GetString(1)), activityId.ToString("D")),
            rows => rows.Any(f => f.Id == republishedId));
        var stored = await Faults.CountAsync(cs, "select count(*) from planning.mt_doc_loggedactivity where id = $1", activityId);
        using var planningClient = Faults.Authorise(planning.Client());
        var lines = await planningClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{district}/progress/lines", UriKind.Relative));
        output.WriteLine(
            $"deliveries 3 (original, same id again, new id), received facts {facts.Count} " +
            $"({string.Join(", ", facts.GroupBy(f => f.Outcome).Select(g => $"{g.Key}×{g.Count()}"))}), activities stored {stored}, lines {lines}");

        stored.ShouldBe(1);
        facts.Count(f => f.Outcome == "Applied").ShouldBe(1);
        facts.ShouldContain(f => f.Id == republishedId && f.Outcome == "Duplicate");
        lines.GetArrayLength().ShouldBe(1);
        lines[0].GetProperty("activities").GetInt32().ShouldBe(1);
        lines[0].GetProperty("peopleReached").GetInt32().ShouldBe(12);
    }
}
