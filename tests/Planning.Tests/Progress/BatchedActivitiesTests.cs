using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Progress;

/// <summary>
/// A batch of activities from Outreach arrives as one <see cref="ActivitiesRecorded"/> message and
/// must leave Planning exactly as the same activities sent one by one would, with one audit fact
/// per activity.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class BatchedActivitiesTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";
    private const string OtherDistrict = "long-khanh";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(string line, int month, int reached) => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), line, line[..line.LastIndexOf('.')], "DirectContact", null,
        new DateOnly(2026, month, 10), reached, []);

    private static ActivitiesRecorded Batch(params ActivityRecorded[] activities) => new(activities);

    private async Task<List<ReceivedFact>> FactsAsync(string district = District)
    {
        await using var session = fixture.Store.QuerySession(district);
        return [.. await session.Query<ReceivedFact>().ToListAsync()];
    }

    private async Task<LoggedActivity?> LoggedAsync(Guid id)
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.LoadAsync<LoggedActivity>(id);
    }

    private Task<List<LineActivityCount>> LinesAsync(string district = District) =>
        fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{district}/progress/lines");

    [Fact]
    public async Task A_batch_counts_in_every_progress_read_as_its_activities_sent_one_by_one()
    {
        ActivityRecorded[] items = [Activity("3.1.01", 1, 12), Activity("3.1.01", 2, 8), Activity("2.03", 2, 40), Activity("1.02", 3, 5)];

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(Batch(items), District);
        foreach (var item in items)
        {
            await fixture.Host.InvokeMessageAndWaitAsync(item with { ActivityId = Guid.CreateVersion7() }, OtherDistrict);
        }

        (await LinesAsync()).ShouldBe([new LineActivityCount("1.02", 1, 5), new LineActivityCount("2.03", 1, 40), new LineActivityCount("3.1.01", 2, 20)]);
        (await LinesAsync()).ShouldBe(await LinesAsync(OtherDistrict));
        await using (var session = fixture.Store.QuerySession(District))
        {
            var batched = await ProgressReader.ActivityTalliesAsync(session, [District], 2026, new DateOnly(2026, 12, 31), CancellationToken.None);
            var oneByOne = await ProgressReader.ActivityTalliesAsync(session, [OtherDistrict], 2026, new DateOnly(2026, 12, 31), CancellationToken.None);
            batched.Count.ShouldBe(4);
            batched.ShouldBe(oneByOne.Select(t => t with { District = District }));
        }

        var logged = (await LoggedAsync(items[2].ActivityId))!;
        logged.ShouldSatisfyAllConditions(
            a => a.District.ShouldBe(District),
            a => a.DistrictPlanId.ShouldBe(items[2].DistrictPlanId),
            a => a.PlanLineCode.ShouldBe("2.03"),
            a => a.AudienceCode.ShouldBe("2"),
            a => a.OccurredOn.ShouldBe(new DateOnly(2026, 2, 10)),
            a => a.PeopleReached.ShouldBe(40),
            a => a.Corrections.ShouldBe(0),
            a => a.Voided.ShouldBeFalse(),
            a => a.Revision.ShouldBe(1));

        var envelopeId = tracked.Executed.Envelopes().Single(e => e.Message is ActivitiesRecorded).Id;
        var facts = await FactsAsync();
        facts.Select(f => f.NaturalId).ShouldBe(items.Select(i => i.ActivityId.ToString("D")), ignoreOrder: true);
        facts.ShouldAllBe(f => f.Outcome == ReceivedFacts.Applied && f.MessageType == nameof(ActivitiesRecorded) && f.Tenant == District);
        facts.ShouldAllBe(f => f.MessageId == envelopeId && f.Id == ReceivedFacts.ItemKey(envelopeId, Guid.Parse(f.NaturalId)));
        facts.Select(f => f.Id).Distinct().Count().ShouldBe(items.Length);
        facts.ShouldAllBe(f => f.Id != envelopeId);
    }

    [Fact]
    public async Task The_same_batch_sent_again_counts_once_and_records_each_activity_as_a_duplicate()
    {
        var batch = Batch(Activity("3.1.01", 1, 12), Activity("3.1.01", 1, 8));

        var first = await fixture.Host.InvokeMessageAndWaitAsync(batch, District);
        var second = await fixture.Host.InvokeMessageAndWaitAsync(batch, District);

        (await LinesAsync()).ShouldBe([new LineActivityCount("3.1.01", 2, 20)]);
        var facts = await FactsAsync();
        facts.Count.ShouldBe(4);
        var firstId = first.Executed.Envelopes().Single(e => e.Message is ActivitiesRecorded).Id;
        var secondId = second.Executed.Envelopes().Single(e => e.Message is ActivitiesRecorded).Id;
        facts.Where(f => f.MessageId == firstId).ShouldAllBe(f => f.Outcome == ReceivedFacts.Applied);
        facts.Where(f => f.MessageId == secondId).ShouldAllBe(f => f.Outcome == ReceivedFacts.Duplicate);
        facts.GroupBy(f => f.NaturalId).ShouldAllBe(g => g.Count() == 2);
    }

    [Fact]
    public async Task A_redelivered_batch_envelope_changes_nothing_and_keeps_the_facts_it_recorded()
    {
        var batch = Batch(Activity("3.1.01", 1, 12), Activity("2.03", 1, 8), Activity("2.03", 1, 3));
        var envelope = new Envelope(batch) { TenantId = District };

        // The handler run twice for one envelope: what a redelivery does after Wolverine's inbox let the envelope go.
        var clock = fixture.Host.Services.GetRequiredService<TimeProvider>();
        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var session = fixture.Store.LightweightSession(District);
            await ActivitiesRecordedHandler.Handle(batch, envelope, session, clock, CancellationToken.None);
            await session.SaveChangesAsync();
        }

        (await LinesAsync()).ShouldBe([new LineActivityCount("2.03", 2, 11), new LineActivityCount("3.1.01", 1, 12)]);
        var facts = await FactsAsync();
        facts.Count.ShouldBe(3);
        facts.ShouldAllBe(f => f.Outcome == ReceivedFacts.Applied && f.MessageId == envelope.Id);
        facts.Select(f => f.Id).ShouldBe(batch.Activities.Select(a => ReceivedFacts.ItemKey(envelope.Id, a.ActivityId)), ignoreOrder: true);
    }

    [Fact]
    public async Task A_batch_leaves_the_placeholder_of_an_earlier_void_and_an_earlier_correction_as_they_are()
    {
        var voidedFirst = Activity("3.1.01", 1, 12);
        var corrected = Activity("3.1.01", 1, 8);
        var fresh = Activity("2.03", 1, 40);
        await fixture.Host.InvokeMessageAndWaitAsync(new ActivityVoided(voidedFirst.ActivityId, "Nhập trùng"), District);
        await fixture.Host.InvokeMessageAndWaitAsync(corrected, District);
        await fixture.Host.InvokeMessageAndWaitAsync(
            new ActivityCorrected(corrected.ActivityId, corrected.DistrictPlanId, "3.1.02", "3.1", "Conference", null, corrected.OccurredOn, 30, [], 2),
            District);

        var tracked = await fixture.Host.InvokeMessageAndWaitAsync(Batch(voidedFirst, corrected, fresh), District);

        (await LinesAsync()).ShouldBe([new LineActivityCount("2.03", 1, 40), new LineActivityCount("3.1.02", 1, 30)]);
        (await LoggedAsync(voidedFirst.ActivityId))!.ShouldSatisfyAllConditions(
            a => a.Voided.ShouldBeTrue(), a => a.VoidReason.ShouldBe("Nhập trùng"), a => a.PlanLineCode.ShouldBe(""));
        (await LoggedAsync(corrected.ActivityId))!.ShouldSatisfyAllConditions(
            a => a.PeopleReached.ShouldBe(30), a => a.Corrections.ShouldBe(1), a => a.Revision.ShouldBe(2));
        var envelopeId = tracked.Executed.Envelopes().Single(e => e.Message is ActivitiesRecorded).Id;
        (await FactsAsync()).Where(f => f.MessageId == envelopeId).ToDictionary(f => Guid.Parse(f.NaturalId), f => f.Outcome).ShouldBe(
            new Dictionary<Guid, string>
            {
                [voidedFirst.ActivityId] = ReceivedFacts.Duplicate,
                [corrected.ActivityId] = ReceivedFacts.Duplicate,
                [fresh.ActivityId] = ReceivedFacts.Applied,
            },
            ignoreOrder: true);
    }

    [Fact]
    public async Task Voids_handled_at_the_same_time_as_their_batch_win_whichever_comes_first()
    {
        // Several inserts of one batch may lose to voids at once: Marten reports them together, and the
        // whole batch is retried (RetryConcurrentDocumentWrites), then sees the placeholders.
        var items = new List<ActivityRecorded>();
        for (var round = 0; round < 3; round++)
        {
            var batch = Enumerable.Range(0, 6).Select(i => Activity("3.1.01", 1, 10 + i)).ToArray();
            items.AddRange(batch);
            await Task.WhenAll(
                batch.Select(i => (object)new ActivityVoided(i.ActivityId, "Hủy")).Prepend(Batch(batch)).Select(async message =>
                {
                    using var scope = fixture.Host.Services.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeForTenantAsync(District, message);
                }));
        }

        (await LinesAsync()).ShouldBeEmpty();
        await using var session = fixture.Store.QuerySession(District);
        var documents = await session.LoadManyAsync<LoggedActivity>(items.Select(i => i.ActivityId));
        documents.Count.ShouldBe(items.Count);
        documents.ShouldAllBe(a => a.Voided);
        (await FactsAsync()).Count(f => f.MessageType == nameof(ActivitiesRecorded)).ShouldBe(items.Count);
    }

    [Fact]
    public async Task Received_facts_of_a_batch_are_listed_one_per_activity_in_their_unit_only()
    {
        var batch = Batch(Activity("3.1.01", 1, 12), Activity("2.03", 1, 8));

        await fixture.Host.InvokeMessageAndWaitAsync(batch, District);

        var listed = await fixture.Host.GetJsonAsync<List<ReceivedFact>>($"/api/units/{District}/progress/received-facts");
        listed.Select(f => f.NaturalId).ShouldBe(batch.Activities.Select(a => a.ActivityId.ToString("D")).Order(StringComparer.Ordinal));
        listed.ShouldAllBe(f => f.MessageType == nameof(ActivitiesRecorded) && f.Outcome == ReceivedFacts.Applied && f.MessageId != null);
        (await fixture.Host.GetJsonAsync<List<ReceivedFact>>($"/api/units/{OtherDistrict}/progress/received-facts")).ShouldBeEmpty();
    }
}
