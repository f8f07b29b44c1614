using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace BhxhPlatform.Planning.Tests.Organisation;

/// <summary>
/// The 2024 tree is appended by Marten's initial data, by no command: Planning announces the stored trees once it has
/// started, so Outreach and Partners know a tree before its first change.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class TreeAnnouncementTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string Province = TreeVersionTestData.Province;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<Envelope>> AnnounceAsync()
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await fixture.Host.SentDuringAsync(() => AnnounceStoredTrees.AnnounceAsync(
            services.GetRequiredService<UnitTrees>(), services.GetRequiredService<OrganisationTree>(),
            services.GetRequiredService<IMessageBus>(), CancellationToken.None));
    }

    [Fact]
    public void The_announcement_runs_in_the_service_once_the_host_has_started()
    {
        fixture.Host.Services.GetServices<IHostedService>().OfType<AnnounceStoredTrees>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_seeded_2024_tree_reaches_outreach_and_partners_as_the_stored_version_with_its_districts_and_communes()
    {
        var sent = await AnnounceAsync();
        await using var session = fixture.Store.QuerySession(Province);
        var stored = (await session.Events.FetchStreamStateAsync(UnitTree.IdOf(Province))).ShouldNotBeNull();

        foreach (var consumer in new[] { ServiceNames.Outreach, ServiceNames.Partners })
        {
            var envelope = sent.To(consumer).Where(e => e.Message is UnitTreeChanged).ShouldHaveSingleItem();
            envelope.TenantId.ShouldBe(Province);
            var tree = (UnitTreeChanged)envelope.Message!;
            tree.Province.ShouldBe(Province);
            tree.TreeVersion.ShouldBe((int)stored.Version);
            tree.Units.ShouldNotContain(u => u.Kind == nameof(UnitKind.GrassrootsOffice));
            tree.Units.Where(u => u.Kind == nameof(UnitKind.DistrictOffice)).Select(u => u.Id)
                .ShouldBe(TreeVersionTestData.Districts.Select(d => d.Id), ignoreOrder: true);
            var district = TreeVersionTestData.Districts[0];
            tree.Units.Where(u => u.Parents.Any(p => p.Parent == district.Id)).Select(u => u.Id)
                .ShouldBe(district.Communes.Select(c => c.Id), ignoreOrder: true);
        }

        sent.Select(e => e.Message).OfType<UnitTreeChanged>().Select(t => t.Province).Distinct().ShouldBe([Province]);
    }

    [Fact]
    public async Task After_a_version_is_loaded_the_stored_tree_announced_is_the_newer_one_with_the_grassroots_offices()
    {
        var version = TreeVersionTestData.Version2025();
        await fixture.Host.LoadAsync(version);

        var tree = (UnitTreeChanged)(await AnnounceAsync()).To(ServiceNames.Outreach).Single(e => e.Message is UnitTreeChanged).Message!;

        tree.TreeVersion.ShouldBeGreaterThan(1);
        tree.Units.Where(u => u.Kind == nameof(UnitKind.GrassrootsOffice)).Select(u => u.Id)
            .ShouldBe(version.GrassrootsOffices!.Select(o => o.Id), ignoreOrder: true);
    }
}
