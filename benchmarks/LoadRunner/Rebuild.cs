using System.Diagnostics;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Events.Projections;

namespace BhxhPlatform.Benchmarks;

/// <summary>Activities and people reached per district, rolled up from Outreach's <see cref="ActivityLogged"/> events.</summary>
public sealed class DistrictTotals
{
    public string Id { get; set; } = "";

    public long Activities { get; set; }

    public long PeopleReached { get; set; }
}

public sealed partial class DistrictTotalsProjection : MultiStreamProjection<DistrictTotals, string>
{
    public DistrictTotalsProjection()
    {
        RollUpByTenant();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Marten's projection convention method.")]
    public void Apply(ActivityLogged logged, DistrictTotals totals)
    {
        totals.Activities++;
        totals.PeopleReached += logged.Details.PeopleReached;
    }
}

/// <summary>The outcome of generating events and rebuilding a projection over them.</summary>
public sealed record RebuildResult(long Events, TimeSpan Generation, TimeSpan Rebuild, long Counted, int Districts)
{
    public double GeneratedPerSecond => Events / Generation.TotalSeconds;

    public double RebuiltPerSecond => Events / Rebuild.TotalSeconds;
}

/// <summary>
/// Appends <c>ActivityLogged</c> events (one stream per activity, conjoined tenancy by district, the
/// same event type as Outreach) through a Marten store of its own in schema <c>bench_rebuild</c> of
/// the same database, then times <c>RebuildProjectionAsync</c> of an async projection reading them.
/// </summary>
public static class Rebuild
{
    public static readonly string[] Districts =
        ["bien-hoa", "long-khanh", "tan-phu", "vinh-cuu", "dinh-quan", "trang-bom", "thong-nhat", "cam-my", "long-thanh", "xuan-loc", "nhon-trach"];

    public static async Task<RebuildResult> RunAsync(string connectionString, long events, Action<string> progress)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "bench_rebuild";
            options.Events.DatabaseSchemaName = "bench_rebuild";
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.Events.AppendMode = EventAppendMode.Quick;
            options.Projections.Add<DistrictTotalsProjection>(ProjectionLifecycle.Async);
            options.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        const int batch = 2_000;
        var batches = (int)((events + batch - 1) / batch);
        var generation = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (b, cancellation) =>
        {
            var district = Districts[b % Districts.Length];
            await using var session = store.LightweightSession(district);
            var count = (int)Math.Min(batch, events - ((long)b * batch));
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                session.Events.StartStream(id, new ActivityLogged(id, Details(district, i)));
            }

            await session.SaveChangesAsync(cancellation);
            if (Interlocked.Increment(ref done) % 50 == 0)
            {
                progress($"  generated {(long)done * batch:N0} events in {generation.Elapsed.TotalSeconds:F0} s");
            }
        });
        generation.Stop();

        var daemon = await store.BuildProjectionDaemonAsync();
        var rebuild = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync<DistrictTotalsProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        rebuild.Stop();

        await using var query = store.QuerySession();
        var totals = await query.Query<DistrictTotals>().Where(x => x.AnyTenant()).ToListAsync();
        return new RebuildResult(events, generation.Elapsed, rebuild.Elapsed, totals.Sum(t => t.Activities), totals.Count);
    }

    private static ActivityDetails Details(string district, int i) => new(
        Guid.Parse("0196b2a0-0000-7000-8000-000000000001"),
        "3.1.01",
        "3.1",
        CommunicationForm.DirectContact,
        $"{district}.xa-{i % 20}",
        new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(7)),
        new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.FromHours(7)),
        i % 50,
        "Tư vấn trực tiếp cho hộ nông dân sau mùa thu hoạch",
        ["Nguyễn Văn An", "Trần Thị Bình"],
        [],
        [],
        null,
        null,
        null);
}
