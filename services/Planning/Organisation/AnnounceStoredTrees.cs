using BhxhPlatform.Contracts.Planning;
using Wolverine;

namespace BhxhPlatform.Planning.Organisation;

/// <summary>
/// Once the host has started, Planning announces every province's stored tree (<see cref="UnitTreeChanged"/>) to
/// Outreach and Partners. A command that changes a tree announces it in its own transaction, but the first version
/// (the 2024 tree Marten's initial data appends at start-up) is appended by no command: without this, Outreach and
/// Partners would know no tree until the first change, and check communes against the plans alone.
/// Receivers keep a tree only when its version is higher than the one they know, so announcing again at every start,
/// from every replica, changes nothing; it also lets a receiver whose store was reset learn the tree again.
/// </summary>
public sealed class AnnounceStoredTrees(UnitTrees trees, OrganisationTree provinces, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    /// <summary>Publishes the stored tree of each province through Wolverine's durable outbox, the province as tenant.</summary>
    /// <returns>The messages published.</returns>
    public static async Task<IReadOnlyList<UnitTreeChanged>> AnnounceAsync(
        UnitTrees trees, OrganisationTree provinces, IMessageBus bus, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(provinces);
        ArgumentNullException.ThrowIfNull(bus);
        var announced = new List<UnitTreeChanged>();
        foreach (var province in provinces.Provinces)
        {
            if (await trees.OfProvinceAsync(province.Id, cancellation) is { } tree)
            {
                var message = tree.ChangedMessage();
                await bus.PublishAsync(message, new DeliveryOptions { TenantId = province.Id });
                announced.Add(message);
            }
        }

        return announced;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        await AnnounceAsync(trees, provinces, scope.ServiceProvider.GetRequiredService<IMessageBus>(), stoppingToken);
    }
}
