using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.Progress;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Progress;

/// <summary>Corrections handled out of order, or at the same time, end at the newest one.</summary>
[Collection(PlanningCollection.Name)]
public sealed class CorrectionOrderTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityCorrected Correction(Guid id, Guid plan, int reached, long revision) =>
        new(id, plan, "3.1.01", "3.1", "DirectContact", null, new DateOnly(2026, 11, 20), reached, [], revision);

    [Fact]
    public async Task An_older_correction_arriving_after_a_newer_one_changes_nothing()
    {
        var id = Guid.CreateVersion7();
        var plan = Guid.CreateVersion7();
        await fixture.Host.InvokeMessageAndWaitAsync(
            new ActivityRecorded(id, plan, "3.1.01", "3.1", "DirectContact", null, new DateOnly(2026, 11, 20), 10, []), District);

        await fixture.Host.InvokeMessageAndWaitAsync(Correction(id, plan, 30, revision: 3), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Correction(id, plan, 20, revision: 2), District);

        await using var session = fixture.Store.QuerySession(District);
        var activity = await session.LoadAsync<LoggedActivity>(id);
        activity!.PeopleReached.ShouldBe(30);
        activity.Revision.ShouldBe(3);
        activity.Corrections.ShouldBe(1);
    }

    [Fact]
    public async Task Corrections_handled_at_the_same_time_are_all_counted_and_the_newest_wins()
    {
        var id = Guid.CreateVersion7();
        var plan = Guid.CreateVersion7();
        await fixture.Host.InvokeMessageAndWaitAsync(
            new ActivityRecorded(id, plan, "3.1.01", "3.1", "DirectContact", null, new DateOnly(2026, 11, 20), 10, []), District);

        await Task.WhenAll(Enumerable.Range(2, 5).Select(async revision =>
        {
            using var scope = fixture.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                .InvokeForTenantAsync(District, Correction(id, plan, revision * 10, revision));
        }));

        await using var session = fixture.Store.QuerySession(District);
        var activity = await session.LoadAsync<LoggedActivity>(id);
        activity!.Revision.ShouldBe(6);
        activity.PeopleReached.ShouldBe(60);
        activity.Corrections.ShouldBeInRange(1, 5);
    }
}
