using BhxhPlatform.Contracts;
using BhxhPlatform.ServiceDefaults;
using Marten;

namespace BhxhPlatform.Planning.Tests;

/// <summary>
/// The services share one database: each applies its schema at start-up under its own advisory
/// lock, so they never queue behind each other's migrations (a fresh database on a busy machine
/// once left Planning waiting past Marten's 10 s default and it failed to start).
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class MigrationLockTests(PlanningFixture fixture)
{
    [Fact]
    public void Each_service_migrates_under_its_own_lock_and_a_replica_waits_a_minute_for_its_peer()
    {
        var options = (StoreOptions)fixture.Store.Options;
        var defaults = new StoreOptions();

        options.ApplyChangesLockId.ShouldBe(CritterStackExtensions.MigrationLockId(ServiceNames.Planning));
        options.ApplyChangesLockId.ShouldNotBe(defaults.ApplyChangesLockId);
        options.ApplyChangesLockTimeout.ShouldBe(TimeSpan.FromMinutes(1));
        new[] { ServiceNames.Planning, ServiceNames.Outreach, ServiceNames.Partners, ServiceNames.Identity }
            .Select(CritterStackExtensions.MigrationLockId).Distinct().Count().ShouldBe(4);
    }
}
