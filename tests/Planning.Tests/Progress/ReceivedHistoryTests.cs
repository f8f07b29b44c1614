using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Progress;

/// <summary>
/// What other services tell Planning is kept as events: on the auditor's timeline under the
/// sender's correlation id, and replayed by the rebuild check against the read models built from it.
/// </summary>
[Collection(PlanningCollection.Name)]
public sealed class ReceivedHistoryTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";

    private static readonly string Auditor = $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province, "auditor.dong-nai")}";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(int reached) => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), "3.1.01", "3.1", "DirectContact", "bien-hoa.trang-dai",
        new DateOnly(2026, 11, 20), reached, []);

    private Task<ITrackedSession> DeliverAsync(object message, string correlationId) =>
        fixture.Host.ExecuteAndWaitAsync((IMessageContext context) =>
            context.InvokeAsync(message, new DeliveryOptions { TenantId = District, CorrelationId = correlationId }));

    [Fact]
    public async Task An_activity_its_correction_and_its_void_are_events_of_its_stream_on_the_timeline_under_each_senders_correlation_id()
    {
        var recorded = Activity(12);
        await DeliverAsync(recorded, "logged-in-outreach");
        await DeliverAsync(new ActivityCorrected(recorded.ActivityId, recorded.DistrictPlanId, "3.1.02", "3.1", "Conference", null,
            recorded.OccurredOn, 30, [], Revision: 2), "corrected-in-outreach");
        await DeliverAsync(new ActivityVoided(recorded.ActivityId, "Nhập trùng"), "voided-in-outreach");
        await DeliverAsync(recorded, "delivered-again");

        var page = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline", Auditor);
        var entries = page.Entries.Where(e => e.StreamId == recorded.ActivityId).ToList();
        entries.Select(e => (e.Version, e.CorrelationId)).ShouldBe(
            [(1L, "logged-in-outreach"), (2L, "corrected-in-outreach"), (3L, "voided-in-outreach")]);
        entries.ShouldAllBe(e => e.TenantId == District);
        entries[2].Reason.ShouldBe("Nhập trùng");

        var one = await fixture.Host.GetJsonAsync<TimelinePage>($"/api/units/{District}/audit/timeline?correlationId=corrected-in-outreach", Auditor);
        one.Entries.ShouldHaveSingleItem().Data.GetProperty("planLineCode").GetString().ShouldBe("3.1.02");
    }

    [Fact]
    public async Task The_rebuild_check_replays_received_activities_enrolments_trainings_and_agreements_and_finds_each_row_altered_or_deleted_by_hand()
    {
        var activity = Activity(12);
        var agreementId = Guid.CreateVersion7();
        var enrolmentId = Guid.CreateVersion7();
        var trainingId = Guid.CreateVersion7();
        await DeliverAsync(activity, "a");
        await DeliverAsync(new ActivityCorrected(activity.ActivityId, activity.DistrictPlanId, "3.1.01", "3.1", "DirectContact", null,
            activity.OccurredOn, 15, [], Revision: 2), "b");
        await DeliverAsync(new EnrolmentsRecorded(enrolmentId, "VoluntarySocialInsurance", 3, activity.OccurredOn, null, null, null, null, null), "c");
        await DeliverAsync(new TrainingHeld(trainingId, null, activity.OccurredOn, 25, "2.04"), "d");
        await DeliverAsync(new AgreementSigned(agreementId, "CoordinationProgramme", [], ["3.1"], [], ["3.1.01"],
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 4, null), "e");
        await DeliverAsync(new AgreementEnded(agreementId, "Hết hạn", new DateOnly(2026, 11, 30)), "f");

        var intact = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        intact.StreamsChecked.ShouldBe(4);
        intact.Matches.ShouldBeTrue();
        intact.Checks.ShouldBe([
            new RebuildCheckSummary(nameof(HeldTraining), RebuildCheckSummary.Aggregate, 1, 1, 0),
            new RebuildCheckSummary(nameof(KnownAgreement), RebuildCheckSummary.Aggregate, 1, 1, 0),
            new RebuildCheckSummary(nameof(LoggedActivity), RebuildCheckSummary.Aggregate, 1, 1, 0),
            new RebuildCheckSummary(nameof(ReceivedEnrolment), RebuildCheckSummary.Aggregate, 1, 1, 0),
        ]);

        await fixture.ExecuteSqlAsync(
            $"update {ServiceNames.Planning}.mt_doc_loggedactivity set data = jsonb_set(data, '{{peopleReached}}', '150') where id = '{activity.ActivityId}'");
        await fixture.ExecuteSqlAsync(
            $"update {ServiceNames.Planning}.mt_doc_knownagreement set data = data - 'endedOn' where id = '{agreementId}'");
        await fixture.ExecuteSqlAsync(
            $"update {ServiceNames.Planning}.mt_doc_receivedenrolment set data = jsonb_set(data, '{{count}}', '30') where id = '{enrolmentId}'");
        await fixture.ExecuteSqlAsync($"delete from {ServiceNames.Planning}.mt_doc_heldtraining where id = '{trainingId}'");

        var altered = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        altered.Matches.ShouldBeFalse();
        altered.Differences.Select(d => d.AggregateType).Order()
            .ShouldBe([nameof(HeldTraining), nameof(KnownAgreement), nameof(LoggedActivity), nameof(ReceivedEnrolment)]);
        altered.StreamsChecked.ShouldBe(4);
        altered.Checks.ShouldBe([
            new RebuildCheckSummary(nameof(HeldTraining), RebuildCheckSummary.Aggregate, 1, 0, 1),
            new RebuildCheckSummary(nameof(KnownAgreement), RebuildCheckSummary.Aggregate, 1, 1, 1),
            new RebuildCheckSummary(nameof(LoggedActivity), RebuildCheckSummary.Aggregate, 1, 1, 1),
            new RebuildCheckSummary(nameof(ReceivedEnrolment), RebuildCheckSummary.Aggregate, 1, 1, 1),
        ]);
        altered.Differences.Single(d => d.StreamId == enrolmentId).Rebuilt!.Value.GetProperty("count").GetInt32().ShouldBe(3);
        altered.Differences.Single(d => d.StreamId == trainingId).Live.ShouldBeNull();
        var copy = altered.Differences.Single(d => d.StreamId == activity.ActivityId);
        copy.Live!.Value.GetProperty("peopleReached").GetInt32().ShouldBe(150);
        copy.Rebuilt!.Value.GetProperty("peopleReached").GetInt32().ShouldBe(15);
    }

    [Fact]
    public async Task Two_copies_of_one_activity_started_at_once_make_one_stream_and_count_once()
    {
        var recorded = Activity(12);

        // Two buses, as two listener threads would be: each handles its copy at once, one loses the stream's start and is retried.
        var first = fixture.Host.MessageBus();
        var second = fixture.Host.MessageBus();
        await Task.WhenAll(
            first.InvokeAsync(recorded, new DeliveryOptions { TenantId = District }),
            second.InvokeAsync(recorded with { }, new DeliveryOptions { TenantId = District }));

        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.FetchStreamAsync(recorded.ActivityId)).ShouldHaveSingleItem();
        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines");
        lines.ShouldBe([new LineActivityCount("3.1.01", 1, 12)]);
    }
}
