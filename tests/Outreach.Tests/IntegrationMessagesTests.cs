using System.Text.Json;
using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.Outreach.HandOffs;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests;

[Collection(OutreachCollection.Name)]
public sealed class IntegrationMessagesTests(OutreachFixture fixture) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Messages_to_other_services_carry_no_personal_data_of_the_prospect()
    {
        var day = new DateOnly(2026, 11, 10);
        var sent = new List<object>();
        async Task Track(Func<Task> action) =>
            sent.AddRange((await fixture.Host.ExecuteAndWaitAsync(action)).Sent.Envelopes().Select(e => e.Message!));

        Guid activity = default, prospect = default, batch = default;
        await Track(async () => activity = await fixture.Host.CreateAsync($"/api/units/{District}/activities", DirectContact()));
        await Track(async () => prospect = await fixture.Host.CreateAsync($"/api/units/{District}/prospects",
            Prospect("0912345678", "079203001234") with { ActivityId = activity }));
        await Track(async () => batch = await fixture.Host.CreateAsync($"/api/units/{District}/hand-offs",
            new HandOffProspects(CollectionOrganisation, [prospect], day)));
        await Track(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ReportHandOffOutcomes(1, day, [new(prospect, ProspectOutcome.Enrolled)]), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{District}/hand-offs/{batch}/outcomes");
            s.StatusCodeShouldBe(202);
        }));
        await Track(async () => await fixture.Host.CreateAsync($"/api/units/{District}/enrolments",
            new RecordEnrolment(EnrolmentScheme.VoluntarySocialInsurance, day, ProspectId: prospect, ActivityId: activity, CollectionOrganisationId: CollectionOrganisation)));
        await Track(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new CorrectActivity(1, "Sửa số người", DirectContact() with { PeopleReached = 13 }), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{District}/activities/{activity}/corrections");
            s.StatusCodeShouldBe(202);
        }));

        await Track(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new LogActivityBatch([DirectContact("Lê Thị Hoa", "Trần Thị Bình"), Conference()]), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{District}/activities/batch");
            s.StatusCodeShouldBeOk();
        }));

        sent.Select(m => m.GetType().Name).Distinct().ShouldBe(
            ["ActivityRecorded", "ProspectsHandedOff", "ReminderRaised", "HandOffOutcomesReported", "EnrolmentsRecorded", "ActivityCorrected", "ActivitiesRecorded"],
            ignoreOrder: true);
        sent.ShouldAllBe(m => m.GetType().Assembly == typeof(ConsumedByAttribute).Assembly);
        var json = string.Join("\n", sent.Select(m => JsonSerializer.Serialize(m, m.GetType())));
        foreach (var personal in new[] { "Lê Thị Hoa", "Le Thi Hoa", "0912345678", "912345678", "hoa.le@example.vn", "079203001234", "Trảng Dài" })
        {
            json.ShouldNotContain(personal, Case.Insensitive);
            json.ShouldNotContain(JsonSerializer.Serialize(personal).Trim('"'), Case.Insensitive);
        }
    }

    [Fact]
    public async Task The_api_is_described_by_openapi_with_a_tag_per_module()
    {
        var result = await fixture.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));

        var text = await result.ReadAsTextAsync();
        foreach (var tag in new[] { "Activities", "Prospects", "Enrolments", "Hand-offs", "Employers" })
        {
            text.ShouldContain($"\"{tag}\"");
        }

        text.ShouldContain("/api/units/{unit}/enrolment-imports");
    }
}
