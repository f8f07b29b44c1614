using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Partners.Scorecards;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Scorecards;

[Collection(PartnersCollection.Name)]
public sealed class ScorecardTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly Guid Partner = Guid.CreateVersion7();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(int people, params Guid[] partners) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), "2.03", "2", "MassMedia", null, new DateOnly(2026, 3, 1), people, partners);

    private static ActivityCorrected Correction(ActivityRecorded a, int people, params Guid[] partners) =>
        new(a.ActivityId, a.DistrictPlanId, a.PlanLineCode, a.AudienceCode, a.FormKind, a.CommuneId, a.OccurredOn, people, partners);

    private Task<ITrackedSession> Send(object message, string tenant = District) => fixture.Host.InvokeMessageAndWaitAsync(message, tenant);

    private Task<PartnerScorecard> Scorecard(Guid partner, string tenant = District) =>
        fixture.Host.GetJsonAsync<PartnerScorecard>($"/api/units/{tenant}/partners/{partner}/scorecard");

    [Fact]
    public async Task Activities_co_run_by_a_partner_count_once_each_on_its_scorecard()
    {
        var first = Activity(500, Partner);
        var second = Activity(30, Partner, Partner);

        await Send(first);
        await Send(first);
        await Send(second);

        var scorecard = await Scorecard(Partner);
        scorecard.ActivitiesCoRun.ShouldBe(2);
        scorecard.PeopleReached.ShouldBe(530);
        (await Scorecard(Partner, "long-thanh")).ActivitiesCoRun.ShouldBe(0);
    }

    [Fact]
    public async Task A_voided_activity_no_longer_counts_even_if_its_record_arrives_again()
    {
        var activity = Activity(100, Partner);
        await Send(activity);

        await Send(new ActivityVoided(activity.ActivityId, "Ghi trùng"));
        await Send(activity);
        await Send(Correction(activity, 50, Partner));

        (await Scorecard(Partner)).ActivitiesCoRun.ShouldBe(0);
    }

    [Fact]
    public async Task The_rebuild_check_folds_each_activitys_ledger_into_its_co_run_rows_and_finds_a_row_altered_or_deleted_by_hand()
    {
        var other = Guid.CreateVersion7();
        var corrected = Activity(100, Partner, other);
        var voided = Activity(40, Partner);
        await Send(corrected);
        await Send(Correction(corrected, 60, Partner));
        await Send(voided);
        await Send(new ActivityVoided(voided.ActivityId, "Ghi trùng"));
        await Send(Activity(7, other));

        var intact = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        intact.Matches.ShouldBeTrue();
        // Each ledger stream is replayed twice, into its aggregate and into the co-run rows it gives, and counted once;
        // the voided activity gives no row.
        intact.StreamsChecked.ShouldBe(3);
        intact.Checks.ShouldBe([
            new RebuildCheckSummary(nameof(ActivityLedger), RebuildCheckSummary.Aggregate, 3, 3, 0),
            new RebuildCheckSummary(nameof(CoRunActivity), RebuildCheckSummary.ReadModelKind, 3, 2, 0),
        ]);

        await fixture.ExecuteSqlAsync(
            $"update partners.mt_doc_corunactivity set data = jsonb_set(data, '{{peopleReached}}', '600') where id = '{corrected.ActivityId:N}:{Partner:N}'");
        await fixture.ExecuteSqlAsync($"delete from partners.mt_doc_corunactivity where data ->> 'partnerId' = '{other}'");

        var altered = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        altered.Matches.ShouldBeFalse();
        altered.Differences.Count.ShouldBe(2);
        altered.StreamsChecked.ShouldBe(3);
        altered.Checks!.Single(c => c.ReadModel == nameof(CoRunActivity)).ShouldBe(
            new RebuildCheckSummary(nameof(CoRunActivity), RebuildCheckSummary.ReadModelKind, 3, 1, 2));
        altered.Differences.ShouldAllBe(d => d.AggregateType == nameof(CoRunActivity));
        var changed = altered.Differences.Single(d => d.StreamId == corrected.ActivityId);
        changed.Live!.Value[0].GetProperty("peopleReached").GetInt32().ShouldBe(600);
        changed.Rebuilt!.Value[0].GetProperty("peopleReached").GetInt32().ShouldBe(60);
        changed.Rebuilt!.Value.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Hand_offs_and_enrolments_heard_are_events_a_repeat_appends_nothing_and_the_rebuild_check_finds_a_batch_altered_by_hand()
    {
        var batch = Guid.CreateVersion7();
        await Send(new HandOffOutcomesReported(batch, Partner, 2, 1, 0));
        await Send(new ProspectsHandedOff(batch, Partner, 5, new DateOnly(2026, 3, 2)));
        await Send(new HandOffOutcomesReported(batch, Partner, 2, 1, 0));
        await Send(new EnrolmentsRecorded(Guid.CreateVersion7(), "HouseholdHealthInsurance", 2, new DateOnly(2026, 3, 5), null, null, null, Partner, null));

        await using (var session = fixture.Store.QuerySession(District))
        {
            (await session.Events.FetchStreamAsync(batch)).Count.ShouldBe(2);
        }

        (await Scorecard(Partner)).ProspectsHandedOff.ShouldBe(5);
        (await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check")).Matches.ShouldBeTrue();
        await fixture.ExecuteSqlAsync($"update partners.mt_doc_handoffbatch set data = jsonb_set(data, '{{enrolled}}', '5') where id = '{batch}'");

        var difference = (await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check")).Differences.ShouldHaveSingleItem();
        difference.AggregateType.ShouldBe(nameof(HandOffBatch));
        difference.Rebuilt!.Value.GetProperty("enrolled").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task An_enrolment_heard_then_altered_by_hand_is_found_by_the_rebuild_check_with_the_count_its_event_gives()
    {
        var enrolment = Guid.CreateVersion7();
        await Send(new EnrolmentsRecorded(enrolment, "HouseholdHealthInsurance", 3, new DateOnly(2026, 4, 8), null, null, null, Partner, null));
        (await Scorecard(Partner)).EnrolmentsCollected.ShouldBe(3);
        (await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check")).Matches.ShouldBeTrue();

        // Someone with the database's password credits the collection organisation with thirty enrolments.
        await fixture.ExecuteSqlAsync($"update partners.mt_doc_attributedenrolment set data = jsonb_set(data, '{{count}}', '30') where id = '{enrolment}'");

        var report = await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check");
        report.Matches.ShouldBeFalse();
        var difference = report.Differences.ShouldHaveSingleItem();
        difference.AggregateType.ShouldBe(nameof(AttributedEnrolment));
        difference.StreamId.ShouldBe(enrolment);
        difference.Rebuilt!.Value.GetProperty("count").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_correction_replaces_the_partner_list_and_figures()
    {
        var other = Guid.CreateVersion7();
        var activity = Activity(100, Partner);
        await Send(activity);

        await Send(Correction(activity, 80, other));
        await Send(activity);

        (await Scorecard(Partner)).ActivitiesCoRun.ShouldBe(0);
        var scorecard = await Scorecard(other);
        scorecard.ActivitiesCoRun.ShouldBe(1);
        scorecard.PeopleReached.ShouldBe(80);
    }

    [Fact]
    public async Task Corrections_handled_out_of_order_end_at_the_newest_and_the_stale_one_appends_nothing()
    {
        var other = Guid.CreateVersion7();
        var activity = Activity(100, Partner);
        await Send(activity);

        // Outreach corrected twice (versions 2 then 3); the second correction is handled first.
        await Send(Correction(activity, 70, other) with { Revision = 3 });
        await Send(Correction(activity, 90, Partner) with { Revision = 2 });

        (await Scorecard(Partner)).ActivitiesCoRun.ShouldBe(0);
        (await Scorecard(other)).ShouldSatisfyAllConditions(s => s.ActivitiesCoRun.ShouldBe(1), s => s.PeopleReached.ShouldBe(70));
        await using var session = fixture.Store.QuerySession(District);
        var ledger = await session.Events.FetchStreamAsync(activity.ActivityId);
        ledger.Select(e => e.Data.GetType().Name).ShouldBe([nameof(ActivityHeard), nameof(ActivityCorrectionHeard)]);
        (await session.LoadAsync<ActivityLedger>(activity.ActivityId))!.Revision.ShouldBe(3);
    }

    [Fact]
    public async Task A_correction_keeping_the_partner_updates_its_figures()
    {
        var activity = Activity(100, Partner);
        await Send(activity);

        await Send(Correction(activity, 60, Partner));

        (await Scorecard(Partner)).ShouldSatisfyAllConditions(s => s.ActivitiesCoRun.ShouldBe(1), s => s.PeopleReached.ShouldBe(60));
    }

    [Fact]
    public async Task A_batch_counts_each_co_run_activity_once_even_sent_again_or_after_its_own_record()
    {
        var other = Guid.CreateVersion7();
        var sentAlone = Activity(500, Partner);
        var batch = new ActivitiesRecorded([sentAlone, Activity(30, Partner, other), Activity(7, other), Activity(1000)]);
        await Send(sentAlone);

        await Send(batch);
        await Send(batch);
        await Send(batch.Activities[1]);

        (await Scorecard(Partner)).ShouldSatisfyAllConditions(s => s.ActivitiesCoRun.ShouldBe(2), s => s.PeopleReached.ShouldBe(530));
        (await Scorecard(other)).ShouldSatisfyAllConditions(s => s.ActivitiesCoRun.ShouldBe(2), s => s.PeopleReached.ShouldBe(37));
        (await Scorecard(Partner, "long-thanh")).ActivitiesCoRun.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_arriving_after_a_void_or_a_correction_of_its_activities_undoes_neither()
    {
        var other = Guid.CreateVersion7();
        var voided = Activity(100, Partner);
        var corrected = Activity(200, Partner);
        await Send(new ActivityVoided(voided.ActivityId, "Ghi trùng"));
        await Send(Correction(corrected, 80, other));

        await Send(new ActivitiesRecorded([voided, corrected, Activity(10, Partner)]));

        (await Scorecard(Partner)).ShouldSatisfyAllConditions(s => s.ActivitiesCoRun.ShouldBe(1), s => s.PeopleReached.ShouldBe(10));
        (await Scorecard(other)).ShouldSatisfyAllConditions(s => s.ActivitiesCoRun.ShouldBe(1), s => s.PeopleReached.ShouldBe(80));
    }

    [Fact]
    public async Task Hand_offs_and_their_latest_outcomes_give_the_conversion()
    {
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        await Send(new ProspectsHandedOff(first, Partner, 40, new DateOnly(2026, 4, 1)));
        await Send(new ProspectsHandedOff(first, Partner, 40, new DateOnly(2026, 4, 1)));
        await Send(new HandOffOutcomesReported(first, Partner, 5, 2, 1));
        await Send(new HandOffOutcomesReported(first, Partner, 12, 6, 3));
        await Send(new HandOffOutcomesReported(second, Partner, 3, 0, 0));
        await Send(new ProspectsHandedOff(second, Partner, 10, new DateOnly(2026, 5, 1)));

        var scorecard = await Scorecard(Partner);
        scorecard.HandOffBatches.ShouldBe(2);
        scorecard.ProspectsHandedOff.ShouldBe(50);
        scorecard.HandOffsEnrolled.ShouldBe(15);
        scorecard.HandOffsDeclined.ShouldBe(6);
        scorecard.HandOffsUnreachable.ShouldBe(3);
        scorecard.Conversion.ShouldBe(0.3m);
    }

    [Fact]
    public async Task Enrolments_count_for_the_collector_the_sponsor_and_the_partners_of_the_activity()
    {
        var sponsor = Guid.CreateVersion7();
        var collector = Guid.CreateVersion7();
        var activity = Activity(200, Partner);
        await Send(activity);
        var enrolment = new EnrolmentsRecorded(Guid.CreateVersion7(), "SponsoredCard", 7, new DateOnly(2026, 6, 1), null, "2.03", activity.ActivityId, collector, sponsor);

        await Send(enrolment);
        await Send(enrolment);
        await Send(enrolment with { EnrolmentId = Guid.CreateVersion7(), Count = 2, ActivityId = null, SponsorId = null });

        (await Scorecard(Partner)).EnrolmentsFromCoRunActivities.ShouldBe(7);
        (await Scorecard(sponsor)).EnrolmentsSponsored.ShouldBe(7);
        (await Scorecard(collector)).ShouldSatisfyAllConditions(
            s => s.EnrolmentsCollected.ShouldBe(9), s => s.Conversion.ShouldBeNull(), s => s.EnrolmentsSponsored.ShouldBe(0));

        await Send(new ActivityVoided(activity.ActivityId, "Sai"));
        (await Scorecard(Partner)).EnrolmentsFromCoRunActivities.ShouldBe(0);
    }
}
