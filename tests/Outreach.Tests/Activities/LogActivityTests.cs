using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class LogActivityTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_logged_activity_reads_back_and_is_announced_to_planning_and_partners()
    {
        Guid id = default;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            id = await fixture.Host.CreateAsync(Url, DirectContact("Nguyễn Văn An", "Trần Thị Bình")));

        var activity = await fixture.Host.GetJsonAsync<Activity>($"{Url}/{id}");
        activity.Details.PeopleReached.ShouldBe(12);
        activity.Details.TeamMembers.ShouldBe(["Nguyễn Văn An", "Trần Thị Bình"]);
        activity.Version.ShouldBe(1);

        var envelopes = tracked.Sent.Envelopes().Where(e => e.Message is ActivityRecorded).ToList();
        envelopes.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/", $"postgresql://{ServiceNames.Partners}/"], ignoreOrder: true);
        envelopes.ShouldAllBe(e => e.TenantId == District);
        envelopes[0].Message.ShouldBe(new ActivityRecorded(
            id, DistrictPlan, "3.1.01", "3.1", "DirectContact", "bien-hoa.trang-dai", new DateOnly(2026, 11, 20), 12, [Partner]),
            new ActivityRecordedComparer());
    }

    [Fact]
    public async Task Form_details_are_kept_for_conferences_posts_and_campaigns()
    {
        var conference = await fixture.Host.CreateAsync(Url, Conference("3.9"));
        var post = await fixture.Host.CreateAsync(Url, Post(MediaPlatform.Zalo));
        var sms = await fixture.Host.CreateAsync(Url, Sms());

        (await fixture.Host.GetJsonAsync<Activity>($"{Url}/{conference}")).Details.Conference.ShouldBe(new ConferenceDetails(80, true, true, true, true));
        (await fixture.Host.GetJsonAsync<Activity>($"{Url}/{conference}")).Details.Materials.ShouldBe([new MaterialHandedOut("Tờ gấp", 80)]);
        (await fixture.Host.GetJsonAsync<Activity>($"{Url}/{post}")).Details.Post.ShouldBe(
            new PostDetails(MediaPlatform.Zalo, "https://facebook.com/bhxhbienhoa/posts/1", 1500, 120, 14));
        (await fixture.Host.GetJsonAsync<Activity>($"{Url}/{sms}")).Details.Campaign.ShouldBe(new CampaignDetails(CampaignChannel.Sms, 400, 300));
    }

    [Theory]
    [InlineData(2026, 11, 20, 18, 20, true)]  // Friday evening
    [InlineData(2026, 11, 22, 9, 11, true)]   // Sunday morning
    [InlineData(2026, 11, 19, 6, 8, true)]    // before the office opens
    [InlineData(2026, 11, 19, 8, 11, false)]  // Thursday morning
    public async Task Evenings_and_weekends_are_accepted_and_flagged(int year, int month, int day, int fromHour, int toHour, bool outside)
    {
        var command = DirectContact() with
        {
            StartedAt = new DateTimeOffset(year, month, day, fromHour, 0, 0, TimeSpan.FromHours(7)),
            EndedAt = new DateTimeOffset(year, month, day, toHour, 0, 0, TimeSpan.FromHours(7)),
        };

        var id = await fixture.Host.CreateAsync(Url, command);

        (await fixture.Host.GetJsonAsync<Activity>($"{Url}/{id}")).OutsideOfficeHours.ShouldBe(outside);
    }

    public static TheoryData<string, LogActivity, string[]> InvalidActivities()
    {
        var ok = DirectContact();
        return new()
        {
            { "team of one", DirectContact("A"), ["teamMembers"] },
            { "team of five", DirectContact("A", "B", "C", "D", "E"), ["teamMembers"] },
            { "blank team member", DirectContact("A", " "), ["teamMembers[1]"] },
            { "ends before start", ok with { EndedAt = Local(11, 20, 17) }, ["endedAt"] },
            { "negative reach", ok with { PeopleReached = -1 }, ["peopleReached"] },
            { "no plan", ok with { DistrictPlanId = Guid.Empty }, ["districtPlanId"] },
            { "no line", ok with { PlanLineCode = "" }, ["planLineCode"] },
            { "line too long", ok with { PlanLineCode = new string('1', 21) }, ["planLineCode"] },
            { "no audience", ok with { AudienceCode = " " }, ["audienceCode"] },
            { "no form", ok with { Form = null }, ["form"] },
            { "commune with control char", ok with { CommuneId = "xa\u0001" }, ["communeId"] },
            { "no summary", ok with { Summary = "" }, ["summary"] },
            { "decomposed summary", ok with { Summary = "Tư vấn cho nông dân".Normalize(System.Text.NormalizationForm.FormD) }, ["summary"] },
            { "no start", ok with { StartedAt = default }, ["startedAt", "endedAt"] },
            { "longer than a month", ok with { EndedAt = Local(12, 25, 8) }, ["endedAt"] },
            { "empty partner id", ok with { PartnerIds = [Guid.Empty] }, ["partnerIds"] },
            { "material without kind", ok with { Materials = [new MaterialHandedOut("", 3)] }, ["materials[0].kind"] },
            { "material count zero", ok with { Materials = [new MaterialHandedOut("Tờ rơi", 0)] }, ["materials[0].count"] },
            { "conference details on direct contact", ok with { Conference = new ConferenceDetails(5, true, true, true) }, ["conference"] },
            { "post details on direct contact", ok with { Post = Post().Post }, ["post"] },
            { "campaign details on direct contact", ok with { Campaign = Sms().Campaign }, ["campaign"] },
            { "conference without details", Conference() with { Conference = null }, ["conference"] },
            { "conference without attendance", Conference() with { Conference = new ConferenceDetails(0, true, true, true) }, ["conference.attendance"] },
            { "conference checklist unanswered", Conference() with { Conference = new ConferenceDetails(50, null, null, null) },
                ["conference.videoClipShown", "conference.governmentRepresentativeInvited", "conference.beneficiaryTestified"] },
            { "ethnic-minority conference without ethnic-language speaker", Conference("3.9") with { Conference = new ConferenceDetails(50, true, true, true, false) },
                ["conference.ethnicLanguageSpeaker"] },
            { "post without details", Post() with { Post = null }, ["post"] },
            { "post without platform", Post() with { Post = new PostDetails(null, "https://zalo.me/x", 1) }, ["post.platform"] },
            { "post with relative link", Post(link: "/posts/1"), ["post.link"] },
            { "post with ftp link", Post(link: "ftp://example.com/x"), ["post.link"] },
            { "post without link", Post(link: ""), ["post.link"] },
            { "post with negative reach", Post() with { Post = new PostDetails(MediaPlatform.Radio, "https://vov.vn/a", -1, -2, -3) },
                ["post.reach", "post.interactions", "post.shares"] },
            { "sms without details", Sms() with { Campaign = null }, ["campaign"] },
            { "sms without channel", Sms() with { Campaign = new CampaignDetails(null, 10, 5) }, ["campaign.channel"] },
            { "sms reaching more than tried", Sms() with { Campaign = new CampaignDetails(CampaignChannel.Call, 10, 11) }, ["campaign.contactsReached"] },
            { "sms with negative counts", Sms() with { Campaign = new CampaignDetails(CampaignChannel.Call, -1, -1) },
                ["campaign.contactsAttempted", "campaign.contactsReached"] },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidActivities))]
    public async Task Invalid_activities_are_refused_and_nothing_is_appended(string because, LogActivity command, string[] fields)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, command);

        problem.Fields.Distinct().ShouldBe(fields, ignoreOrder: true, because);
        problem.FieldErrors!.ShouldAllBe(e => e.Vi.Length > 0 && e.En.Length > 0);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(0);
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
