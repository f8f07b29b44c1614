using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace BhxhPlatform.Planning.Tests.Progress;

[Collection(PlanningCollection.Name)]
public sealed class IntegrationMessageTests(PlanningFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static ActivityRecorded Activity(string line, int reached) => new(
        Guid.CreateVersion7(), Guid.CreateVersion7(), line, line[..3], "DirectContact", "bien-hoa.trang-dai",
        new DateOnly(2026, 11, 20), reached, []);

    [Fact]
    public async Task Activities_from_outreach_are_counted_per_plan_line_of_their_district()
    {
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("3.1.01", 12), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("3.1.01", 8), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("2.03", 40), District);
        await fixture.Host.InvokeMessageAndWaitAsync(Activity("2.03", 99), "long-thanh");

        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines");

        lines.ShouldBe([new LineActivityCount("2.03", 1, 40), new LineActivityCount("3.1.01", 2, 20)]);
    }

    [Fact]
    public async Task The_same_activity_message_twice_counts_once()
    {
        var message = Activity("3.1.01", 12);

        await fixture.Host.InvokeMessageAndWaitAsync(message, District);
        await fixture.Host.InvokeMessageAndWaitAsync(message, District);

        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines");
        lines.ShouldBe([new LineActivityCount("3.1.01", 1, 12)]);
    }

    [Fact]
    public async Task A_correction_replaces_the_activity_and_a_void_stops_it_counting()
    {
        var recorded = Activity("3.1.01", 12);
        var other = Activity("3.1.01", 5);
        await fixture.Host.InvokeMessageAndWaitAsync(recorded, District);
        await fixture.Host.InvokeMessageAndWaitAsync(other, District);

        var corrected = new ActivityCorrected(recorded.ActivityId, recorded.DistrictPlanId, "3.1.02", "3.1", "Conference", null, recorded.OccurredOn, 30, []);
        await fixture.Host.InvokeMessageAndWaitAsync(corrected, District);
        await fixture.Host.InvokeMessageAndWaitAsync(corrected, District);
        await fixture.Host.InvokeMessageAndWaitAsync(recorded, District);
        await fixture.Host.InvokeMessageAndWaitAsync(new ActivityVoided(other.ActivityId, "Nhập trùng"), District);

        var lines = await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines");
        lines.ShouldBe([new LineActivityCount("3.1.02", 1, 30)]);
        await using var session = fixture.Store.QuerySession(District);
        (await session.LoadAsync<LoggedActivity>(recorded.ActivityId))!.Corrections.ShouldBe(1);
        (await session.LoadAsync<LoggedActivity>(other.ActivityId))!.VoidReason.ShouldBe("Nhập trùng");
    }

    [Fact]
    public async Task A_void_that_arrives_before_its_activity_keeps_the_activity_from_counting()
    {
        var recorded = Activity("3.1.01", 12);

        await fixture.Host.InvokeMessageAndWaitAsync(new ActivityVoided(recorded.ActivityId, "Hủy"), District);
        await fixture.Host.InvokeMessageAndWaitAsync(recorded, District);

        (await fixture.Host.GetJsonAsync<List<LineActivityCount>>($"/api/units/{District}/progress/lines")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_received_fact_is_recorded_for_audit_with_what_was_done_with_it()
    {
        var message = Activity("3.1.01", 12);

        var first = await fixture.Host.InvokeMessageAndWaitAsync(message, District);
        var second = await fixture.Host.InvokeMessageAndWaitAsync(message, District);

        await using var session = fixture.Store.QuerySession(District);
        var facts = await session.Query<ReceivedFact>().ToListAsync();
        facts.Select(f => f.Outcome).ShouldBe(["Applied", "Duplicate"], ignoreOrder: true);
        facts.ShouldAllBe(f => f.NaturalId == message.ActivityId.ToString() && f.MessageType == "ActivityRecorded" && f.Tenant == District);
        // A message carrying one fact keeps it under the envelope id, as before batches had one fact per activity.
        facts.Select(f => f.Id).ShouldBe(
            [first.Executed.Envelopes().Single().Id, second.Executed.Envelopes().Single().Id], ignoreOrder: true);
        facts.ShouldAllBe(f => f.MessageId == f.Id);
        (await fixture.Host.GetJsonAsync<List<ReceivedFact>>($"/api/units/{District}/progress/received-facts")).Count.ShouldBe(2);
        (await fixture.Host.GetJsonAsync<List<ReceivedFact>>("/api/units/long-thanh/progress/received-facts")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_redelivered_envelope_keeps_the_fact_its_first_delivery_recorded()
    {
        var activity = Activity("3.1.01", 12);
        var correction = new ActivityCorrected(activity.ActivityId, activity.DistrictPlanId, "3.1.02", "3.1", "Conference", null, activity.OccurredOn, 30, [], 2);
        var enrolment = new EnrolmentsRecorded(Guid.CreateVersion7(), "VoluntarySocialInsurance", 3, new DateOnly(2026, 11, 20), null, null, null, null, null);
        var clock = fixture.Host.Services.GetRequiredService<TimeProvider>();

        // Each handler run twice for one envelope: what a redelivery does after Wolverine's inbox let the envelope go.
        async Task TwiceAsync(object message, Func<Envelope, IDocumentSession, Task> handle)
        {
            var envelope = new Envelope(message) { TenantId = District };
            for (var delivery = 0; delivery < 2; delivery++)
            {
                await using var session = fixture.Store.LightweightSession(District);
                await handle(envelope, session);
                await session.SaveChangesAsync();
            }
        }

        await TwiceAsync(activity, (e, s) => ActivityRecordedHandler.Handle(activity, e, s, clock, CancellationToken.None));
        await TwiceAsync(correction, (e, s) => ActivityCorrectedHandler.Handle(correction, e, s, clock, CancellationToken.None));
        await TwiceAsync(enrolment, (e, s) => EnrolmentsRecordedHandler.Handle(enrolment, e, s, clock, CancellationToken.None));

        await using var query = fixture.Store.QuerySession(District);
        var facts = await query.Query<ReceivedFact>().ToListAsync();
        facts.Select(f => (f.MessageType, f.Outcome)).ShouldBe(
            [(nameof(ActivityRecorded), ReceivedFacts.Applied), (nameof(ActivityCorrected), ReceivedFacts.Applied), (nameof(EnrolmentsRecorded), ReceivedFacts.Applied)],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Enrolments_trainings_and_agreements_are_kept_once_by_their_natural_id()
    {
        var enrolment = new EnrolmentsRecorded(Guid.NewGuid(), "VoluntarySocialInsurance", 4, new DateOnly(2026, 3, 2), null, "3.1.01", null, null, null);
        var training = new TrainingHeld(Guid.NewGuid(), null, new DateOnly(2026, 3, 3), 25, "6.01");
        var signed = new AgreementSigned(Guid.NewGuid(), "Programme", [], ["2"], [], ["2.01"], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 10, null);
        var ended = new AgreementEnded(signed.AgreementId, "Terminated", new DateOnly(2026, 6, 1));

        foreach (var message in new object[] { enrolment, enrolment, training, training, signed, signed, ended, ended })
        {
            await fixture.Host.InvokeMessageAndWaitAsync(message, District);
        }

        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<ReceivedEnrolment>().ToListAsync()).ShouldHaveSingleItem().Count.ShouldBe(4);
        (await session.Query<HeldTraining>().ToListAsync()).ShouldHaveSingleItem().District.ShouldBe(District);
        var agreement = (await session.Query<KnownAgreement>().ToListAsync()).ShouldHaveSingleItem();
        agreement.EndedOn.ShouldBe(new DateOnly(2026, 6, 1));
        agreement.ActivitiesPerYear.ShouldBe(10);
    }

    [Fact]
    public async Task Agreement_terms_handled_out_of_order_end_at_the_newest_revision()
    {
        var signed = new AgreementSigned(Guid.NewGuid(), "Programme", [], ["2"], [], ["2.01"], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 10, null, 2);
        var renewed = signed with { EndsOn = new DateOnly(2027, 12, 31), ActivitiesPerYear = 12, Revision = 4 };

        await fixture.Host.InvokeMessageAndWaitAsync(renewed, District);
        await fixture.Host.InvokeMessageAndWaitAsync(signed, District);

        await using var session = fixture.Store.QuerySession(District);
        var agreement = (await session.Query<KnownAgreement>().ToListAsync()).ShouldHaveSingleItem();
        agreement.ShouldSatisfyAllConditions(
            a => a.EndsOn.ShouldBe(new DateOnly(2027, 12, 31)), a => a.ActivitiesPerYear.ShouldBe(12), a => a.Revision.ShouldBe(4));
        (await session.Events.FetchStreamAsync(signed.AgreementId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Partners_registered_in_a_district_are_known_to_planning()
    {
        var partnerId = Guid.CreateVersion7();

        await fixture.Host.InvokeMessageAndWaitAsync(
            new PartnerRegistered(partnerId, "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "CultureMediaCentre", null), District);

        await using var session = fixture.Store.QuerySession(District);
        var partner = await session.LoadAsync<KnownPartner>(partnerId);
        partner.ShouldBe(new KnownPartner(partnerId, "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "CultureMediaCentre", null));
    }
}
