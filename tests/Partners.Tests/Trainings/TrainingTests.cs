using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.Partners.Trainings;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Trainings;

[Collection(PartnersCollection.Name)]
public sealed class TrainingTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/trainings";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<Training> Read(Guid id) => fixture.Host.GetJsonAsync<Training>($"{Url}/{id}");

    [Fact]
    public async Task A_scheduled_training_reads_back()
    {
        var association = await fixture.Host.PartnerAsync();

        var id = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today, association, "Tập huấn nghiệp vụ BHXH tự nguyện", "6.01"));

        var training = await Read(id);
        training.Status.ShouldBe(TrainingStatus.Scheduled);
        training.AssociationId.ShouldBe(association);
        training.Topic.ShouldBe("Tập huấn nghiệp vụ BHXH tự nguyện");
        training.PlanLineCode.ShouldBe("6.01");
        training.Version.ShouldBe(1);
    }

    [Fact]
    public async Task A_held_training_records_attendance_and_is_announced_to_planning()
    {
        var association = await fixture.Host.PartnerAsync();
        var id = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today, association, "Tập huấn", "6.01"));
        Guid[] collaborators = [await fixture.Host.CollaboratorAsync(), await fixture.Host.CollaboratorAsync("Phạm Văn Nam")];

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() =>
            fixture.Host.PostOkAsync($"{Url}/{id}/hold", new HoldTraining(1, Today, 25, collaborators)));

        var training = await Read(id);
        training.Status.ShouldBe(TrainingStatus.Held);
        training.Attendees.ShouldBe(25);
        training.CollaboratorIds.ShouldBe(collaborators);
        var envelope = tracked.Sent.Envelopes().Single(e => e.Message is TrainingHeld);
        envelope.Destination!.ToString().ShouldBe($"postgresql://{ServiceNames.Planning}/");
        envelope.TenantId.ShouldBe(District);
        envelope.Message.ShouldBe(new TrainingHeld(id, association, Today, 25, "6.01"));
    }

    [Fact]
    public async Task Attendance_by_collaborators_alone_counts_them()
    {
        var id = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today, null, "Tập huấn cộng tác viên", null));

        Guid[] attendees = [await fixture.Host.CollaboratorAsync("A"), await fixture.Host.CollaboratorAsync("B"), await fixture.Host.CollaboratorAsync("C")];
        await fixture.Host.PostOkAsync($"{Url}/{id}/hold", new HoldTraining(1, Today, null, attendees));

        (await Read(id)).Attendees.ShouldBe(3);
    }

    [Fact]
    public async Task A_training_needs_a_date_and_topic_and_a_known_association()
    {
        (await fixture.Host.PostExpectingProblemAsync(Url, new ScheduleTraining(null, Guid.Empty, "", "6.x")))
            .Fields.ShouldBe(["scheduledOn", "associationId", "topic", "planLineCode"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(Url, new ScheduleTraining(Today, null, new string('t', 501), null)))
            .Fields.ShouldBe(["topic"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new ScheduleTraining(Today, Guid.NewGuid(), "Tập huấn", null)))
            .FieldErrors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                e => e.Field.ShouldBe("associationId"), e => e.Code.ShouldBe("unknown-partner"));
        (await fixture.Store.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Attendance_is_validated_and_nothing_is_appended()
    {
        var id = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today, null, "Tập huấn", null));
        var hold = $"{Url}/{id}/hold";

        (await fixture.Host.PostExpectingProblemAsync(hold, new HoldTraining(1, null, null, null))).Fields.ShouldBe(["heldOn", "attendees"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(hold, new HoldTraining(1, Today.AddDays(1), 0, null))).Fields.ShouldBe(["heldOn", "attendees"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(hold, new HoldTraining(1, Today, -3, null))).Fields.ShouldBe(["attendees"]);
        (await fixture.Host.PostExpectingProblemAsync(hold, new HoldTraining(1, Today, 1, [Guid.NewGuid(), Guid.NewGuid()]))).Fields.ShouldBe(["attendees"]);
        var same = await fixture.Host.CollaboratorAsync();
        (await fixture.Host.PostExpectingProblemAsync(hold, new HoldTraining(1, Today, 5, [same, same]))).Fields.ShouldBe(["collaboratorIds"]);
        (await fixture.Host.PostExpectingProblemAsync(hold, new HoldTraining(1, Today, 5, [same, Guid.NewGuid()])))
            .FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("unknown-collaborator");
        (await fixture.Store.EventCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_training_is_held_or_cancelled_once_and_a_stale_version_is_a_conflict()
    {
        var held = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today, null, "Tập huấn", null));
        var cancelled = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today.AddDays(5), null, "Hội nghị", null));
        await fixture.Host.PostOkAsync($"{Url}/{held}/hold", new HoldTraining(1, Today, 10, null));
        await fixture.Host.PostOkAsync($"{Url}/{cancelled}/cancel", new CancelTraining(1, "Trùng lịch họp"));

        (await Read(cancelled)).ShouldSatisfyAllConditions(
            t => t.Status.ShouldBe(TrainingStatus.Cancelled), t => t.CancelReason.ShouldBe("Trùng lịch họp"));
        (await fixture.Host.PostProblemAsync($"{Url}/{held}/hold", new HoldTraining(2, Today, 10, null), 409)).Type.ShouldEndWith("training-not-scheduled");
        (await fixture.Host.PostProblemAsync($"{Url}/{held}/cancel", new CancelTraining(2, "Hủy"), 409)).Type.ShouldEndWith("training-not-scheduled");
        (await fixture.Host.PostProblemAsync($"{Url}/{cancelled}/hold", new HoldTraining(2, Today, 10, null), 409)).Type.ShouldEndWith("training-not-scheduled");
        var fresh = await fixture.Host.CreateAsync(Url, new ScheduleTraining(Today, null, "Tập huấn", null));
        (await fixture.Host.PostProblemAsync($"{Url}/{fresh}/hold", new HoldTraining(5, Today, 10, null), 409)).Type.ShouldEndWith("concurrency-conflict");
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{fresh}/cancel", new CancelTraining(1, " "))).Fields.ShouldBe(["reason"]);
        (await Read(fresh)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task The_quarterly_rule_is_reported_per_association_and_quarter()
    {
        var farmers = await fixture.Host.PartnerAsync("Hội Nông dân huyện");
        var women = await fixture.Host.PartnerAsync("Hội Liên hiệp Phụ nữ huyện");
        await fixture.Host.PartnerAsync("Bệnh viện huyện", PartnerType.HealthFacility);
        var year = Today.Year - 1;
        foreach (var (association, day) in new[]
                 {
                     (farmers, new DateOnly(year, 1, 10)),
                     (farmers, new DateOnly(year, 2, 10)),
                     (women, new DateOnly(year, 4, 1)), (women, new DateOnly(year, 5, 1)), (women, new DateOnly(year, 5, 2)), (women, new DateOnly(year, 6, 30)),
                 })
        {
            var id = await fixture.Host.CreateAsync(Url, new ScheduleTraining(day, association, "Tập huấn", "6.01"));
            await fixture.Host.PostOkAsync($"{Url}/{id}/hold", new HoldTraining(1, day, 20, null));
        }

        var cancelled = await fixture.Host.CreateAsync(Url, new ScheduleTraining(new DateOnly(year, 7, 1), farmers, "Tập huấn", null));
        await fixture.Host.PostOkAsync($"{Url}/{cancelled}/cancel", new CancelTraining(1, "Mưa bão"));

        var report = await fixture.Host.GetJsonAsync<List<QuarterlyTrainingAssessment>>($"{Url}/quarterly-rule?year={year}");

        report.Count.ShouldBe(8);
        report.Where(r => r.AssociationId == farmers).Select(r => (r.Quarter, r.TrainingsHeld, r.Outcome)).ShouldBe(
        [
            (1, 2, QuarterlyTrainingOutcome.Met), (2, 0, QuarterlyTrainingOutcome.Short),
            (3, 0, QuarterlyTrainingOutcome.Short), (4, 0, QuarterlyTrainingOutcome.Short),
        ]);
        report.Where(r => r.AssociationId == women).Select(r => r.Outcome).ShouldBe(
            [QuarterlyTrainingOutcome.Short, QuarterlyTrainingOutcome.Exceeded, QuarterlyTrainingOutcome.Short, QuarterlyTrainingOutcome.Short]);
        (await fixture.Host.GetJsonAsync<List<Training>>($"{Url}?year={year}")).Count.ShouldBe(7);
    }
}
