using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>50 writers correct the same activity at once, each with the version it read.</summary>
public sealed class ConcurrentWritersTests(ITestOutputHelper output)
{
    private const int Writers = 50;
    private const int AttemptsPerWriter = 3;

    [Fact]
    public async Task Fifty_writers_on_one_stream_leave_contiguous_versions_losers_get_409_and_nothing_is_lost()
    {
        const string district = "long-khanh";
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, postgres.ConnectionString);
        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString);
        using var client = Faults.Authorise(outreach.Client());
        using var planningClient = Faults.Authorise(planning.Client());
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planningClient, client, district);

        using var created = await client.PostAsJsonAsync(new Uri($"/api/units/{district}/activities", UriKind.Relative), Faults.Activity(plan, 5));
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetGuid();
        var url = $"/api/units/{district}/activities/{id}";

        var outcomes = new ConcurrentBag<int>();
        using var start = new SemaphoreSlim(0, Writers);
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var attempt = 0; attempt < AttemptsPerWriter; attempt++)
            {
                var version = (await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative))).GetProperty("version").GetInt64();
                var command = new { version, reason = $"Điều chỉnh số người dự lần {writer}.{attempt}", activity = Faults.Activity(plan, 1000 + (writer * 10) + attempt) };
                using var response = await client.PostAsJsonAsync(new Uri($"{url}/corrections", UriKind.Relative), command);
                outcomes.Add((int)response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
        })).ToList();
        start.Release(Writers);
        await Task.WhenAll(writers);

        var succeeded = outcomes.Count(s => s is >= 200 and < 300);
        var versions = await Faults.QueryAsync(postgres.ConnectionString,
            "select version from outreach.mt_events where stream_id = $1 order by version", r => r.GetInt64(0), id);
        var corrections = await Faults.CountAsync(postgres.ConnectionString,
            "select count(*) from outreach.mt_events where stream_id = $1 and type = 'activity_corrected'", id);
        var inline = (await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative))).GetProperty("version").GetInt64();
        var correctedFacts = await Faults.EventuallyAsync(
            () => Faults.CountAsync(postgres.ConnectionString,
                "select count(*) from planning.mt_doc_receivedfact where data->>'naturalId' = $1 and data->>'messageType' = 'ActivityCorrected'",
                id.ToString("D")),
            n => n >= succeeded, TimeSpan.FromSeconds(30));
        var planningCorrections = await Faults.QueryAsync(postgres.ConnectionString,
            "select coalesce((data->>'corrections')::int, -1) from planning.mt_doc_loggedactivity where id = $1", r => r.GetInt32(0), id);
        output.WriteLine(
            $"writers {Writers}, attempts {outcomes.Count}, succeeded {succeeded}, conflicts 409 {outcomes.Count(s => s == 409)}, " +
            $"other {outcomes.Count(s => s != 409 && s is < 200 or >= 300)}; events in stream {versions.Count}, " +
            $"corrections stored {corrections}, inline snapshot version {inline}, ActivityCorrected received by planning {correctedFacts}, " +
            $"planning read model corrections counter {string.Join(",", planningCorrections)}");

        outcomes.ShouldAllBe(s => s == 202 || s == 409);
        succeeded.ShouldBeGreaterThan(0);
        versions.ShouldBe(Enumerable.Range(1, versions.Count).Select(v => (long)v).ToList());
        corrections.ShouldBe(succeeded);
        versions.Count.ShouldBe(succeeded + 1);
        inline.ShouldBe(versions.Count);
        correctedFacts.ShouldBe(succeeded);

        // Known finding, reported and not asserted: Planning handles the corrections of one activity
        // concurrently and its LoggedActivity document has no version check, so its Corrections
        // counter (and which correction wins) can lose updates; see the README's reliability section.
        planningCorrections.Count.ShouldBe(1);

        // Losers burn the sequence numbers their rolled-back appends drew (Quick appends draw them in the
        // write itself), so the sequence has holes. What must hold is that nothing waits on them: the
        // asynchronous projection gets past every hole to the highest event, and counts the winner.
        var highest = await Faults.CountAsync(postgres.ConnectionString, "select max(seq_id) from outreach.mt_events");
        var gaps = await Faults.CountAsync(postgres.ConnectionString,
            "select count(*) from generate_series(1, (select max(seq_id) from outreach.mt_events)) s where s not in (select seq_id from outreach.mt_events)");
        var projected = await Faults.EventuallyAsync(
            () => Faults.CountAsync(postgres.ConnectionString,
                "select coalesce(max(last_seq_id), 0) from outreach.mt_event_progression where name = 'DistrictActivityTotals:All'"),
            n => n >= highest, TimeSpan.FromSeconds(30));
        output.WriteLine($"highest sequence {highest}, burned (gaps) {gaps}, totals projection at {projected}");
        projected.ShouldBeGreaterThanOrEqualTo(highest);
        var counted = await Faults.QueryAsync(postgres.ConnectionString,
            "select (data->>'peopleReached')::int from outreach.mt_doc_countedactivity where id = $1", r => r.GetInt32(0), id);
        counted.ShouldBe([(await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative))).GetProperty("details").GetProperty("peopleReached").GetInt32()]);
    }
}
