using BhxhPlatform.Contracts.Planning;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BhxhPlatform.ServiceDefaults.Security;

/// <summary>
/// A province's unit tree as Planning last announced it (<see cref="UnitTreeChanged"/>), kept by the services that check
/// a record's commune against its unit on the record's date. Stored under the province as tenant, keyed by the province.
/// </summary>
public sealed record KnownUnitTree(string Id, int TreeVersion, IReadOnlyList<TreeUnit> Units)
{
    public TreeUnit? Find(string id) => Units.FirstOrDefault(u => u.Id == id);

    public IEnumerable<string> Offices => Units.Where(u => u.Kind is "GrassrootsOffice" or "DistrictOffice").Select(u => u.Id);

    /// <summary>Whether the commune (or ward) belonged to <paramref name="unit"/> on <paramref name="day"/>.</summary>
    public bool CommuneBelongsTo(string commune, string unit, DateOnly day) =>
        Find(commune) is { } found && found.ValidFrom <= day && (found.ValidTo is null || day <= found.ValidTo)
        && (found.Parents.LastOrDefault(p => p.From <= day) ?? found.Parents[0]).Parent == unit;

    /// <summary>
    /// Idempotent: the same tree twice, or an older one after a newer, changes nothing. The directory learns the
    /// tree's offices, so that their routes are authorized.
    /// </summary>
    public static async Task HandleAsync(UnitTreeChanged message, IDocumentSession session, OrganisationDirectory directory, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(directory);
        await using var province = session.DocumentStore.LightweightSession(message.Province);
        var known = await province.LoadAsync<KnownUnitTree>(message.Province, cancellation);
        if (known is null || message.TreeVersion > known.TreeVersion)
        {
            var tree = new KnownUnitTree(message.Province, message.TreeVersion, message.Units);
            province.Store(tree);
            await province.SaveChangesAsync(cancellation);
            directory.Learn(message.Province, tree.Offices);
        }
    }

    /// <summary>The tree of the province that <paramref name="unit"/> belongs to, when one was announced.</summary>
    public static async Task<KnownUnitTree?> OfUnitAsync(IQuerySession session, OrganisationDirectory directory, string unit, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(directory);
        var province = directory.ProvinceOf(unit);
        if (province is null)
        {
            return null;
        }

        await using var query = session.DocumentStore.QuerySession(province);
        return await query.LoadAsync<KnownUnitTree>(province, cancellation);
    }
}

public static class UnitTreeLearningExtensions
{
    /// <summary>At start-up, the directory learns the offices of every stored tree.</summary>
    public static IServiceCollection AddUnitTreeLearning(this IServiceCollection services) =>
        services.AddHostedService<KnownUnitTreeLearning>();
}

internal sealed class KnownUnitTreeLearning(IDocumentStore store, OrganisationDirectory directory, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
        await using var session = store.QuerySession();
        foreach (var tree in await session.Query<KnownUnitTree>().Where(t => t.AnyTenant()).ToListAsync(stoppingToken))
        {
            directory.Learn(tree.Id, tree.Offices);
        }
    }
}
