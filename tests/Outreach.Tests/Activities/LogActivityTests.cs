using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class LogActivityTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string District = "bien-hoa";
    private static readonly Guid DistrictPlan = Guid.CreateVersion7();
    private static readonly Guid Partner = Guid.CreateVersion7();

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static LogActivity DirectContact(params string[] team) => new(
        DistrictPlan,
        "3.1.01",
        "3.1",
        CommunicationForm.DirectContact,
        "bien-hoa.trang-dai",
        new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.FromHours(7)),
        new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.FromHours(7)),
        PeopleReached: 12,
        Summary: "Tư vấn trực tiếp cho các hộ nông dân ấp 3 sau mùa thu hoạch",
        TeamMembers: team,
        PartnerIds: [Partner]);

    [Fact]
    public async Task A_logged_activity_reads_back_and_is_announced_to_planning_and_partners()
    {
        Guid id = default;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            id = await fixture.Host.CreateAsync($"/api/units/{District}/activities", DirectContact("Nguyễn Văn An", "Trần Thị Bình")));

        var activity = await fixture.Host.GetJsonAsync<Activity>($"/api/units/{District}/activities/{id}");
        activity.PeopleReached.ShouldBe(12);
        activity.TeamMembers.ShouldBe(["Nguyễn Văn An", "Trần Thị Bình"]);

        var envelopes = tracked.Sent.Envelopes().Where(e => e.Message is ActivityRecorded).ToList();
        envelopes.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/", $"postgresql://{ServiceNames.Partners}/"], ignoreOrder: true);
        envelopes.ShouldAllBe(e => e.TenantId == District);
        envelopes[0].Message.ShouldBe(new ActivityRecorded(
            id, DistrictPlan, "3.1.01", "3.1", "DirectContact", "bien-hoa.trang-dai", new DateOnly(2026, 11, 20), 12, [Partner]),
            new ActivityRecordedComparer());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task A_direct_contact_team_must_have_two_to_four_people(int size)
    {
        var team = Enumerable.Range(1, size).Select(i => $"Cán bộ {i}").ToArray();

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/activities", DirectContact(team));

        problem.Fields.ShouldBe(["teamMembers"]);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_activity_that_ends_before_it_starts_and_reaches_negative_people_is_refused()
    {
        var command = DirectContact("A", "B") with { EndedAt = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.FromHours(7)), PeopleReached = -1 };

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/activities", command);

        problem.Fields.ShouldBe(["endedAt", "peopleReached"], ignoreOrder: true);
    }

    /// <summary>Records holding lists compare by reference; compare the lists by content.</summary>
    private sealed class ActivityRecordedComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) =>
            x is ActivityRecorded a && y is ActivityRecorded b &&
            a with { PartnerIds = [] } == b with { PartnerIds = [] } && a.PartnerIds.SequenceEqual(b.PartnerIds);

        public int GetHashCode(object obj) => 0;
    }
}
