using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using BhxhPlatform.ServiceDefaults.Security;

namespace BhxhPlatform.Planning.Organisation;

public static class Configuration
{
    public static StoreOptions AddOrganisation(this StoreOptions options)
    {
        // Inline: every command reads the tree it has just changed.
        options.Projections.Snapshot<UnitTree>(SnapshotLifecycle.Inline);
        return options;
    }

    /// <summary>The initial version; once the host has started, the authorization directory taught the trees and the trees announced.</summary>
    public static IServiceCollection AddOrganisationSeed(this IServiceCollection services)
    {
        services.InitializeMartenWith(new InitialOrganisation(OrganisationTree.Load()));
        services.AddSingleton<UnitTrees>();
        services.AddHostedService<DirectoryLearning>();
        services.AddHostedService<AnnounceStoredTrees>();
        return services;
    }
}

/// <summary>
/// The 2024 tree (organisation.json) as the first version of each province's stream, when the stream is absent:
/// the same events a version load appends. Marten runs it at start-up and again after a reset of all data.
/// </summary>
public sealed class InitialOrganisation(OrganisationTree tree) : IInitialData
{
    /// <summary>The 2024 file has no dates; its units are taken as valid from the first plan year the platform accepts.</summary>
    public static readonly DateOnly ValidFrom = new(2020, 1, 1);

    public const string SeedUser = "system:organisation-seed";

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        foreach (var province in tree.Provinces)
        {
            await using var session = store.LightweightSession(province.Id);
            var id = UnitTree.IdOf(province.Id);
            if (await session.Events.FetchStreamStateAsync(id, cancellation) is not null)
            {
                continue;
            }

            session.LastModifiedBy = SeedUser;
            session.Events.StartStream<UnitTree>(id, TreeVersionLoad.Initial(
                province, ValidFrom, "Cây đơn vị năm 2024 (organisation.json) / The 2024 unit tree (organisation.json)"));
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Marten.Exceptions.ExistingStreamIdCollisionException)
            {
                // Two replicas starting together both found the stream absent: the other one's start won,
                // and the tree it stored is this same first version.
            }
        }
    }
}

/// <summary>
/// Reads a province's tree, or the tree a unit belongs to (each province's tree lives in its own tenant);
/// the authorization directory learns the offices of every tree read.
/// </summary>
public sealed class UnitTrees(IDocumentStore store, OrganisationTree provinces, OrganisationDirectory directory)
{
    public async Task<UnitTree?> OfProvinceAsync(string province, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(province);
        var tree = await session.LoadAsync<UnitTree>(UnitTree.IdOf(province), cancellation);
        if (tree is not null)
        {
            directory.Learn(tree.Province, tree.Offices);
        }

        return tree;
    }

    /// <summary>Teaches the directory every province's tree (at start-up).</summary>
    public async Task LearnAllAsync(CancellationToken cancellation)
    {
        foreach (var province in provinces.Provinces)
        {
            await OfProvinceAsync(province.Id, cancellation);
        }
    }

    /// <summary>The tree that holds the unit (in any period), or null.</summary>
    public async Task<UnitTree?> HoldingAsync(string unit, CancellationToken cancellation)
    {
        foreach (var province in provinces.Provinces)
        {
            if (await OfProvinceAsync(province.Id, cancellation) is { } tree && tree.Find(unit) is not null)
            {
                return tree;
            }
        }

        return null;
    }
}

/// <summary>After start-up (Marten's initial data has run by then), the directory learns the offices of the stored trees.</summary>
public sealed class DirectoryLearning(UnitTrees trees, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
        await trees.LearnAllAsync(stoppingToken);
    }
}
