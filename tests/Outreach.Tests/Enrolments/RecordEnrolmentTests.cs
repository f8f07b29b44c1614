using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Enrolments;

[Collection(OutreachCollection.Name)]
public sealed class RecordEnrolmentTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/enrolments";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateOnly Day = new(2026, 11, 21);

    [Fact]
    public async Task A_counted_enrolment_is_attributed_to_its_activity_plan_line_and_organisation_and_announced()
    {
        var activity = await fixture.Host.CreateAsync($"/api/units/{District}/activities", DirectContact());
        Guid id = default;

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => id = await fixture.Host.CreateAsync(Url,
            new RecordEnrolment(EnrolmentScheme.HouseholdHealthInsurance, Day, Count: 4, ActivityId: activity, CollectionOrganisationId: CollectionOrganisation)));

        var enrolment = await fixture.Host.GetJsonAsync<Enrolment>($"{Url}/{id}");
        enrolment.Count.ShouldBe(4);
        enrolment.PlanLineCode.ShouldBe("3.1.01");
        tracked.Sent.MessagesOf<EnrolmentsRecorded>().First().ShouldBe(new EnrolmentsRecorded(
            id, "HouseholdHealthInsurance", 4, Day, DistrictPlan, "3.1.01", activity, CollectionOrganisation, null));
    }

    [Fact]
    public async Task A_person_enrolment_counts_one_and_a_sponsored_card_names_its_sponsor()
    {
        var prospect = await fixture.Host.CreateAsync($"/api/units/{District}/prospects", Prospect());

        var person = await fixture.Host.CreateAsync(Url, new RecordEnrolment(EnrolmentScheme.VoluntarySocialInsurance, Day, ProspectId: prospect));
        var card = await fixture.Host.CreateAsync(Url, new RecordEnrolment(EnrolmentScheme.SponsoredCard, Day, Count: 10, SponsorId: Sponsor));

        (await fixture.Host.GetJsonAsync<Enrolment>($"{Url}/{person}")).ShouldSatisfyAllConditions(
            e => e.Count.ShouldBe(1), e => e.ProspectId.ShouldBe(prospect));
        (await fixture.Host.GetJsonAsync<Enrolment>($"{Url}/{card}")).SponsorId.ShouldBe(Sponsor);
    }

    public static TheoryData<string, RecordEnrolment, string[]> InvalidEnrolments()
    {
        var ok = new RecordEnrolment(EnrolmentScheme.VoluntarySocialInsurance, Day, Count: 3);
        return new()
        {
            { "no scheme", ok with { Scheme = null }, ["scheme"] },
            { "no date", ok with { EnrolledOn = default }, ["enrolledOn"] },
            { "date in the future", ok with { EnrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }, ["enrolledOn"] },
            { "neither count nor person", ok with { Count = null }, ["count"] },
            { "count zero", ok with { Count = 0 }, ["count"] },
            { "negative count", ok with { Count = -2 }, ["count"] },
            { "count too large", ok with { Count = 100_001 }, ["count"] },
            { "unknown prospect", ok with { Count = null, ProspectId = Guid.CreateVersion7() }, ["prospectId"] },
            { "person counted twice", ok with { Count = 2, ProspectId = Guid.CreateVersion7() }, ["count", "prospectId"] },
            { "unknown activity", ok with { ActivityId = Guid.CreateVersion7() }, ["activityId"] },
            { "unknown organisation", ok with { CollectionOrganisationId = Guid.CreateVersion7() }, ["collectionOrganisationId"] },
            { "organisation that does not collect", ok with { CollectionOrganisationId = Union }, ["collectionOrganisationId"] },
            { "sponsored card without sponsor", ok with { Scheme = EnrolmentScheme.SponsoredCard }, ["sponsorId"] },
            { "unknown sponsor", ok with { SponsorId = Guid.CreateVersion7() }, ["sponsorId"] },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidEnrolments))]
    public async Task Invalid_enrolments_are_refused_and_nothing_is_appended(string because, RecordEnrolment command, string[] fields)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, command);

        problem.Fields.Distinct().ShouldBe(fields, ignoreOrder: true, because);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_enrolment_attributed_to_a_voided_activity_is_refused()
    {
        var activity = await fixture.Host.CreateAsync($"/api/units/{District}/activities", DirectContact());
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new VoidActivity(1, "Nhầm"), Alba.JsonStyle.MinimalApi).ToUrl($"/api/units/{District}/activities/{activity}/void");
            s.StatusCodeShouldBe(202);
        });

        var problem = await fixture.Host.PostExpectingProblemAsync(Url, new RecordEnrolment(EnrolmentScheme.VoluntarySocialInsurance, Day, 1, ActivityId: activity));

        problem.Fields.ShouldBe(["activityId"]);
    }
}
