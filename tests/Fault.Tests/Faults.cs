using BhxhPlatform.TestSupport;
using Npgsql;

namespace BhxhPlatform.Fault.Tests;

/// <summary>What every fault test shares: tokens, request bodies, SQL counts, bounded waits.</summary>
internal static class Faults
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static HttpClient Authorise(HttpClient client) => ServiceApi.Authorise(client);

    /// <summary>A conference on line 2.01 of the approved <paramref name="plan"/>.</summary>
    public static object Activity(Guid plan, int reached) => new
    {
        districtPlanId = plan,
        planLineCode = "2.01",
        audienceCode = "2",
        form = "Conference",
        startedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(7)),
        endedAt = new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.FromHours(7)),
        peopleReached = reached,
        summary = "Hội nghị tuyên truyền chính sách BHXH tự nguyện",
        partnerIds = Array.Empty<Guid>(),
        conference = new { attendance = reached, videoClipShown = true, governmentRepresentativeInvited = true, beneficiaryTestified = true },
    };

    /// <summary>
    /// Planning, started for the occasion and stopped again, approves <paramref name="district"/>'s plan;
    /// returns once Outreach (called through <paramref name="outreach"/>) knows it.
    /// </summary>
    public static async Task<Guid> GivenApprovedPlanAsync(string connectionString, string district, HttpClient outreach)
    {
        await using var planning = await ServiceProcess.StartAsync(Contracts.ServiceNames.Planning, connectionString);
        using var client = Authorise(planning.Client());
        return await ApprovedPlans.GivenApprovedPlanAsync(client, outreach, district);
    }

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params object[] parameters) =>
        (await QueryAsync(connectionString, sql, r => r.GetInt64(0), parameters)).Single();

    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Activity ids with their number of activity_logged events in Outreach's event store.</summary>
    public static async Task<Dictionary<Guid, long>> LoggedEventsAsync(string connectionString) =>
        (await QueryAsync(connectionString,
            "select stream_id, count(*) from outreach.mt_events where type = 'activity_logged' group by stream_id",
            r => (r.GetGuid(0), r.GetInt64(1)))).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Activity ids in Planning's read model (the document is keyed by the activity id).</summary>
    public static async Task<HashSet<Guid>> PlanningActivitiesAsync(string connectionString) =>
        [.. await QueryAsync(connectionString, "select id from planning.mt_doc_loggedactivity", r => r.GetGuid(0))];

    /// <summary>Planning's received-fact audit rows that applied an ActivityRecorded, per activity id.</summary>
    public static async Task<Dictionary<Guid, long>> AppliedRecordedAsync(string connectionString) =>
        (await QueryAsync(connectionString,
            "select (data->>'naturalId')::uuid, count(*) from planning.mt_doc_receivedfact " +
            "where data->>'messageType' = 'ActivityRecorded' and data->>'outcome' = 'Applied' group by 1",
            r => (r.GetGuid(0), r.GetInt64(1)))).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Polls until <paramref name="done"/> holds, at most <see cref="Patience"/>; then returns the last value.</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? patience = null) =>
        ServiceApi.EventuallyAsync(probe, done, patience ?? Patience);

    /// <summary>
    /// A stream of <paramref name="commands"/> under a fault: every command was tried and more than half acknowledged, each
    /// once; the others got no answer or a 5xx; every acknowledged activity is stored once and nothing twice; Planning holds
    /// exactly what was stored, each applied once. <paramref name="diagnostics"/> goes with a failed delivery.
    /// </summary>
    internal static void ShouldBeStoredAndDeliveredOnce(
        int commands, IReadOnlyCollection<Attempt> attempts, IReadOnlyList<Guid> acknowledged, Dictionary<Guid, long> stored,
        HashSet<Guid> delivered, Dictionary<Guid, long> applied, string diagnostics)
    {
        attempts.Count.ShouldBe(commands);
        acknowledged.Count.ShouldBeGreaterThan(commands / 2);
        acknowledged.Distinct().Count().ShouldBe(acknowledged.Count);
        attempts.Where(a => a.Status != 201).ShouldAllBe(a => a.Status == 0 || a.Status >= 500);
        foreach (var id in acknowledged)
        {
            stored.GetValueOrDefault(id).ShouldBe(1, $"activity {id} was acknowledged");
        }

        stored.Values.ShouldAllBe(count => count == 1);
        delivered.SetEquals(stored.Keys).ShouldBeTrue(
            $"missing in planning: {stored.Keys.Except(delivered).Count()}, unknown to outreach: {delivered.Except(stored.Keys).Count()}\n" + diagnostics);
        applied.Keys.ToHashSet().SetEquals(stored.Keys).ShouldBeTrue();
        applied.Values.ShouldAllBe(count => count == 1);
    }

    /// <summary>Where envelopes sit now: queue tables, inboxes, outboxes, dead letters (for failure messages).</summary>
    public static async Task<string> EnvelopesAsync(string connectionString)
    {
        var lines = new List<string>();
        foreach (var (table, sql) in new[]
        {
            ("queue planning", "select 'all', count(*) from wolverine_queues.wolverine_queue_planning"),
            ("queue outreach", "select 'all', count(*) from wolverine_queues.wolverine_queue_outreach"),
            ("planning incoming", "select status || ' owner ' || owner_id, count(*) from planning.wolverine_incoming_envelopes group by 1"),
            ("outreach outgoing", "select 'owner ' || owner_id || ' to ' || destination, count(*) from outreach.wolverine_outgoing_envelopes group by 1"),
            ("planning dead letters", "select message_type, count(*) from planning.wolverine_dead_letters group by 1"),
            ("planning nodes", "select id || ' ' || node_number || ' ' || last_health_check, 1::bigint from planning.wolverine_nodes"),
        })
        {
            try
            {
                var rows = await QueryAsync(connectionString, sql, r => $"{r.GetString(0)}: {r.GetInt64(1)}");
                lines.Add($"{table}: {string.Join("; ", rows)}");
            }
            catch (Npgsql.PostgresException e)
            {
                lines.Add($"{table}: {e.MessageText}");
            }
        }

        return string.Join('\n', lines);
    }

    public static async Task<bool> IsHealthyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
