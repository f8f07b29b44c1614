using System.Diagnostics;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.ServiceDefaults;
using BhxhPlatform.TestSupport;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Weasel.Postgresql;
using Xunit.Abstractions;

namespace BhxhPlatform.Fault.Tests;

/// <summary>
/// Two replicas of Outreach on one PostgreSQL, behind a round-robin balancer, with Planning and Partners: the
/// replica running the asynchronous projection is SIGKILLed in the middle of a command stream. The survivor takes
/// the projection over and the dead node's durable envelopes, and every acknowledged activity reaches Planning and
/// Partners exactly once.
/// </summary>
public sealed class ReplicaFailoverTests(ITestOutputHelper output)
{
    private const int Commands = 240;
    private const string District = "long-khanh";
    private const string Schema = ServiceNames.Outreach;

    [Fact]
    public async Task The_survivor_of_two_replicas_takes_over_projections_and_durable_work_and_every_acknowledged_activity_arrives_once()
    {
        var clock = Stopwatch.StartNew();
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var cs = postgres.ConnectionString;
        await using var services = new Processes();

        // Each replica names itself to PostgreSQL, so the holder of a lock says which one it is.
        await services.StartAsync(
            ServiceProcess.StartAsync(ServiceNames.Planning, cs),
            ServiceProcess.StartAsync(ServiceNames.Partners, cs),
            ServiceProcess.StartAsync(ServiceNames.Outreach, $"{cs};Application Name=outreach-a"),
            ServiceProcess.StartAsync(ServiceNames.Outreach, $"{cs};Application Name=outreach-b"));
        var (planning, outreachA, outreachB) = (services[0], services[2], services[3]);
        output.WriteLine($"four processes healthy after {clock.Elapsed.TotalSeconds:0.0} s");

        using var planningClient = Faults.Authorise(planning.Client());
        using var balanced = Faults.Authorise(new HttpClient(new RoundRobin(outreachA.BaseAddress, outreachB.BaseAddress)) { BaseAddress = outreachA.BaseAddress });
        var plan = await ApprovedPlans.GivenApprovedPlanAsync(planningClient, balanced, District);

        await using var dataSource = NpgsqlDataSource.Create(cs);
        await using var locks = new AdvisoryLock(dataSource, NullLogger.Instance, "bhxh", new AdvisoryLockOptions());
        var projectionLock = ProjectionLockIds.Compute(
            Schema, new ShardName("DistrictActivityTotals", "All", 1), CritterStackExtensions.DaemonLockId(ServiceNames.Outreach));
        var leaderBefore = await Faults.EventuallyAsync(() => locks.FindHolderAsync(projectionLock, CancellationToken.None), h => h is not null);
        leaderBefore.ShouldNotBeNull($"no replica holds the projection's lock {projectionLock}:\n{await AdvisoryLocksAsync(cs)}");
        var (leader, survivor) = leaderBefore.ApplicationName == "outreach-a" ? (outreachA, outreachB) : (outreachB, outreachA);
        var survivorName = leaderBefore.ApplicationName == "outreach-a" ? "outreach-b" : "outreach-a";
        var nodesBefore = await NodesAsync(cs);
        nodesBefore.Count.ShouldBe(2, "both replicas are Wolverine nodes");

        var stream = new CommandStream(balanced, District, plan, Commands, clients: 4);
        var load = stream.RunAsync(TimeSpan.FromSeconds(120));
        while (stream.Sent < Commands / 3 && !load.IsCompleted)
        {
            await Task.Delay(20);
        }

        await leader.KillAsync();
        var killedAt = clock.Elapsed;
        var leftAtKill = await OwnedEnvelopesAsync(cs);
        var progressAtKill = await ProjectionProgressAsync(cs);
        await load;
        var loadDone = clock.Elapsed;

        var attempts = stream.Attempts;
        var acknowledged = attempts.Where(a => a.Status == 201).Select(a => a.Id!.Value).ToList();
        var stored = await Faults.LoggedEventsAsync(cs);
        var delivered = await Faults.EventuallyAsync(
            () => Faults.PlanningActivitiesAsync(cs), ids => ids.SetEquals(stored.Keys), TimeSpan.FromSeconds(120));
        var heard = await Faults.EventuallyAsync(
            () => PartnersHeardAsync(cs), h => h.Keys.ToHashSet().SetEquals(stored.Keys), TimeSpan.FromSeconds(60));
        var applied = await Faults.AppliedRecordedAsync(cs);

        // The projection moved: the survivor holds its lock and has applied every event.
        var leaderAfter = await Faults.EventuallyAsync(() => locks.FindHolderAsync(projectionLock, CancellationToken.None), h => h?.ApplicationName == survivorName);
        var progress = await Faults.EventuallyAsync(() => ProjectionProgressAsync(cs), p => p.Applied >= p.Highest, TimeSpan.FromSeconds(60));
        var counted = await Faults.CountAsync(cs, "select count(*) from outreach.mt_doc_countedactivity");

        // The dead node left the cluster and nothing it owned is still held by it.
        var survivorNode = await Faults.EventuallyAsync(
            () => NodesAsync(cs), n => n.Count == 1 && nodesBefore.Contains(n.Single()), TimeSpan.FromSeconds(90));
        var deadNode = nodesBefore.Except(survivorNode).ToList();
        var ownedByDead = await Faults.EventuallyAsync(
            async () => (await OwnedEnvelopesAsync(cs)).Where(o => deadNode.Contains(o.Owner)).Sum(o => o.Count), n => n == 0, TimeSpan.FromSeconds(60));
        var pending = await Faults.EventuallyAsync(
            () => Faults.CountAsync(cs, "select count(*) from outreach.wolverine_outgoing_envelopes"), n => n == 0, TimeSpan.FromSeconds(60));

        output.WriteLine(
            $"sent {attempts.Count}, acknowledged {acknowledged.Count} " +
            $"(statuses: {string.Join(", ", attempts.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}), " +
            $"stored {stored.Count} (without acknowledgement {stored.Keys.Except(acknowledged).Count()}), in planning {delivered.Count}, " +
            $"in partners {heard.Count}; projection leader before {leaderBefore.ApplicationName} (pid {leaderBefore.SessionId}), " +
            $"after {leaderAfter?.ApplicationName} (pid {leaderAfter?.SessionId}); projection at {progress.Applied} of {progress.Highest}, " +
            $"{counted} counted activities; nodes before [{string.Join(", ", nodesBefore)}], after [{string.Join(", ", survivorNode)}]; " +
            $"projection at the kill {progressAtKill.Applied} of {progressAtKill.Highest}; " +
            $"envelopes right after the kill: {string.Join(", ", leftAtKill.Select(o => $"{o.Table} node {o.Owner}×{o.Count}"))}; " +
            $"killed at {killedAt.TotalSeconds:0.0} s, load done {loadDone.TotalSeconds:0.0} s, all checks done {clock.Elapsed.TotalSeconds:0.0} s");

        string Diagnostics() => $"{survivor.Output}\n---- killed replica ----\n{leader.Output}\n{planning.Output}";

        Faults.ShouldBeStoredAndDeliveredOnce(Commands, attempts, acknowledged, stored, delivered, applied, $"{await Faults.EnvelopesAsync(cs)}\n{Diagnostics()}");
        heard.Keys.ToHashSet().SetEquals(stored.Keys).ShouldBeTrue(
            $"missing in partners: {stored.Keys.Except(heard.Keys).Count()}, unknown to outreach: {heard.Keys.Except(stored.Keys).Count()}");
        heard.Values.ShouldAllBe(count => count == 1);

        leaderAfter.ShouldNotBeNull($"nothing holds the projection's lock after the kill:\n{await AdvisoryLocksAsync(cs)}\n{Diagnostics()}");
        leaderAfter.ApplicationName.ShouldBe(survivorName);
        progress.Applied.ShouldBeGreaterThanOrEqualTo(progress.Highest, Diagnostics());
        progress.Applied.ShouldBeGreaterThan(progressAtKill.Applied, "the survivor applied the events after the kill");
        counted.ShouldBe(stored.Count);

        survivorNode.Count.ShouldBe(1, $"the dead node was not ejected: {await Faults.EnvelopesAsync(cs)}\n{Diagnostics()}");
        ownedByDead.ShouldBe(0, "envelopes still owned by the dead node");
        pending.ShouldBe(0, "outgoing envelopes never sent");
        (await Faults.CountAsync(cs, "select count(*) from outreach.wolverine_dead_letters")).ShouldBe(0);
        (await Faults.CountAsync(cs, "select count(*) from planning.wolverine_dead_letters")).ShouldBe(0);
        (await Faults.CountAsync(cs, "select count(*) from partners.wolverine_dead_letters")).ShouldBe(0);
    }

    /// <summary>Partners' ActivityHeard events per activity (the first event of each activity's ledger stream).</summary>
    private static async Task<Dictionary<Guid, long>> PartnersHeardAsync(string cs) =>
        (await Faults.QueryAsync(cs,
            "select stream_id, count(*) from partners.mt_events where type = 'activity_heard' group by stream_id",
            r => (r.GetGuid(0), r.GetInt64(1)))).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>The Wolverine node numbers registered in Outreach's schema.</summary>
    private static async Task<List<int>> NodesAsync(string cs) =>
        await Faults.QueryAsync(cs, "select node_number from outreach.wolverine_nodes order by node_number", r => r.GetInt32(0));

    /// <summary>Outreach's stored envelopes per table and owning node (0: owned by none, free to be picked up).</summary>
    private static async Task<List<(string Table, int Owner, long Count)>> OwnedEnvelopesAsync(string cs) =>
        await Faults.QueryAsync(cs,
            "select 'incoming', owner_id, count(*) from outreach.wolverine_incoming_envelopes group by owner_id " +
            "union all select 'outgoing', owner_id, count(*) from outreach.wolverine_outgoing_envelopes group by owner_id",
            r => (r.GetString(0), r.GetInt32(1), r.GetInt64(2)));

    /// <summary>How far the asynchronous projection got, and the highest event sequence.</summary>
    private static async Task<(long Applied, long Highest)> ProjectionProgressAsync(string cs) =>
        (await Faults.QueryAsync(cs,
            "select coalesce((select max(last_seq_id) from outreach.mt_event_progression where name like 'DistrictActivityTotals%'), 0), " +
            "coalesce((select max(seq_id) from outreach.mt_events), 0)",
            r => (r.GetInt64(0), r.GetInt64(1)))).Single();

    private static async Task<string> AdvisoryLocksAsync(string cs) =>
        string.Join('\n', await Faults.QueryAsync(cs,
            "select l.objid::text || ' ' || coalesce(a.application_name, '?') || ' ' || l.pid from pg_locks l " +
            "left join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted",
            r => r.GetString(0)));

    /// <summary>
    /// A load balancer in front of the replicas: requests alternate between them, and one that refused or dropped a
    /// connection gets no more (the request that found it dead fails, as it would for a real client).
    /// </summary>
    private sealed class RoundRobin(params Uri[] backends) : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly bool[] _down = new bool[backends.Length];
        private int _next;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var index = Next();
            var backend = backends[index];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = backend.Host, Port = backend.Port }.Uri;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                Volatile.Write(ref _down[index], true);
                throw;
            }
        }

        private int Next()
        {
            for (var i = 0; i < backends.Length; i++)
            {
                var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)backends.Length);
                if (!Volatile.Read(ref _down[index]))
                {
                    return index;
                }
            }

            return 0;
        }
    }

    /// <summary>Processes started together; all are killed when one fails to start, and on dispose.</summary>
    private sealed class Processes : IAsyncDisposable
    {
        private readonly List<ServiceProcess> _started = [];

        public ServiceProcess this[int index] => _started[index];

        public async Task StartAsync(params Task<ServiceProcess>[] starting)
        {
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
                {
                    _started.Add(await task);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in _started)
            {
                await process.DisposeAsync();
            }
        }
    }
}
