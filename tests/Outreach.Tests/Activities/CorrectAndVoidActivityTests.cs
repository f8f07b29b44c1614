using Alba;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;
using Contract = BhxhPlatform.Contracts.Outreach;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class CorrectAndVoidActivityTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> EventCount(Guid id)
    {
        await using var session = fixture.Store.QuerySession(District);
        return (await session.Events.FetchStreamAsync(id)).Count;
    }

    [Fact]
    public async Task A_correction_replaces_the_details_keeps_the_history_and_is_announced()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());
        var corrected = DirectContact() with { PeopleReached = 15, CommuneId = "bien-hoa.tan-hanh" };

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new CorrectActivity(1, "Đếm lại danh sách ký tên", corrected), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/corrections");
            s.StatusCodeShouldBe(202);
        }));

        var activity = await fixture.Host.GetJsonAsync<Activity>($"{Url}/{id}");
        activity.Details.PeopleReached.ShouldBe(15);
        activity.Details.CommuneId.ShouldBe("bien-hoa.tan-hanh");
        activity.Corrections.ShouldBe(1);
        activity.Version.ShouldBe(2);
        (await EventCount(id)).ShouldBe(2);
        var message = tracked.Sent.MessagesOf<Contract.ActivityCorrected>().First();
        message.ActivityId.ShouldBe(id);
        message.PeopleReached.ShouldBe(15);
        message.CommuneId.ShouldBe("bien-hoa.tan-hanh");
    }

    [Fact]
    public async Task A_correction_with_a_stale_version_is_a_conflict()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new CorrectActivity(1, "Lần một", DirectContact()), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/corrections");
            s.StatusCodeShouldBe(202);
        });

        await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/corrections", new CorrectActivity(1, "Lần hai", DirectContact()), 409);

        (await EventCount(id)).ShouldBe(2);
    }

    [Fact]
    public async Task An_invalid_correction_is_refused_field_by_field()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());

        var problem = await fixture.Host.PostExpectingProblemAsync(
            $"{Url}/{id}/corrections", new CorrectActivity(1, " ", DirectContact("Một người")));

        problem.Fields.ShouldBe(["reason", "activity.teamMembers"], ignoreOrder: true);
        (await EventCount(id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_voided_activity_leaves_the_log_is_announced_and_cannot_be_corrected_or_voided_again()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());

        var tracked = await fixture.Host.ExecuteAndWaitAsync(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(new VoidActivity(1, "Ghi trùng"), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/void");
            s.StatusCodeShouldBe(202);
        }));

        tracked.Sent.MessagesOf<Contract.ActivityVoided>().First().ShouldBe(new Contract.ActivityVoided(id, "Ghi trùng"));
        var activity = await fixture.Host.GetJsonAsync<Activity>($"{Url}/{id}");
        activity.Voided.ShouldBeTrue();
        activity.VoidReason.ShouldBe("Ghi trùng");

        var correction = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/corrections", new CorrectActivity(2, "Sửa", DirectContact()), 409);
        correction.Type.ShouldBe("https://bhxh.gov.vn/problems/activity-voided");
        await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/void", new VoidActivity(2, "Lần nữa"), 409);
        (await EventCount(id)).ShouldBe(2);
    }

    [Fact]
    public async Task Voiding_needs_a_reason()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/void", new VoidActivity(1, ""));

        problem.Fields.ShouldBe(["reason"]);
        (await EventCount(id)).ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Correcting_an_unknown_activity_is_not_found_whatever_version_is_expected(long version)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new CorrectActivity(version, "Sửa", DirectContact()), JsonStyle.MinimalApi).ToUrl($"{Url}/{Guid.CreateVersion7()}/corrections");
            s.StatusCodeShouldBe(404);
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Voiding_an_unknown_activity_is_not_found_whatever_version_is_expected(long version)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new VoidActivity(version, "Nhập trùng"), JsonStyle.MinimalApi).ToUrl($"{Url}/{Guid.CreateVersion7()}/void");
            s.StatusCodeShouldBe(404);
        });
    }
}
