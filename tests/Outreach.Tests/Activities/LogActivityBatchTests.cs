using System.Text.Json;
using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

[Collection(OutreachCollection.Name)]
public sealed class LogActivityBatchTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_valid_batch_logs_each_activity_as_its_own_stream_and_announces_all_in_one_message()
    {
        var batch = new LogActivityBatch([DirectContact(), Conference(), Post(), Sms()]);
        LoggedActivityBatch? logged = null;

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
        {
            var result = await fixture.Host.Scenario(s =>
            {
                s.Post.Json(batch, JsonStyle.MinimalApi).ToUrl($"{Url}/batch");
                s.StatusCodeShouldBeOk();
            });
            logged = JsonSerializer.Deserialize<LoggedActivityBatch>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json);
        });

        logged!.Ids.Count.ShouldBe(4);
        logged.Ids.Distinct().Count().ShouldBe(4);
        for (var i = 0; i < 4; i++)
        {
            var activity = await fixture.Host.GetJsonAsync<Activity>($"{Url}/{logged.Ids[i]}");
            activity.Details.Form.ShouldBe(batch.Activities![i].Form!.Value);
            activity.Version.ShouldBe(1);
        }

        tracked.Sent.MessagesOf<ActivityRecorded>().ShouldBeEmpty();
        var envelopes = tracked.Sent.Envelopes().Where(e => e.Message is ActivitiesRecorded).ToList();
        envelopes.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/", $"postgresql://{ServiceNames.Partners}/"], ignoreOrder: true);
        envelopes.ShouldAllBe(e => e.TenantId == District);
        var announced = ((ActivitiesRecorded)envelopes[0].Message!).Activities;
        announced.Select(a => a.ActivityId).ShouldBe(logged.Ids);
        announced.Select(a => a.FormKind).ShouldBe(batch.Activities!.Select(a => a.Form!.Value.ToString()));
        announced[0].ShouldSatisfyAllConditions(
            a => a.DistrictPlanId.ShouldBe(DistrictPlan),
            a => a.PlanLineCode.ShouldBe(batch.Activities![0].PlanLineCode),
            a => a.PeopleReached.ShouldBe(batch.Activities![0].PeopleReached),
            a => a.OccurredOn.ShouldBe(new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public async Task One_invalid_item_refuses_the_whole_batch_naming_the_item_and_nothing_is_appended()
    {
        var batch = new LogActivityBatch([DirectContact(), DirectContact(), DirectContact(), DirectContact() with { Summary = "" }, Sms() with { Campaign = null }]);

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/batch", batch);

        problem.Fields.ShouldBe(["activities[3].summary", "activities[4].campaign"], ignoreOrder: true);
        problem.FieldErrors!.ShouldAllBe(e => e.Vi.Length > 0 && e.En.Length > 0);
        await AssertNothingAppendedAsync();
    }

    [Fact]
    public async Task A_batch_over_the_maximum_is_refused()
    {
        var batch = new LogActivityBatch(Enumerable.Repeat(DirectContact(), LogActivityBatch.MaxActivities + 1).ToList());

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/batch", batch);

        problem.Fields.ShouldBe(["activities"]);
        problem.FieldErrors![0].Code.ShouldBe("too-many");
        await AssertNothingAppendedAsync();
    }

    [Fact]
    public async Task An_empty_batch_is_refused()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/batch", new LogActivityBatch([]));

        problem.Fields.ShouldBe(["activities"]);
        await AssertNothingAppendedAsync();
    }

    [Fact]
    public async Task A_batch_of_the_maximum_size_is_accepted()
    {
        var batch = new LogActivityBatch(Enumerable.Repeat(DirectContact(), LogActivityBatch.MaxActivities).ToList());

        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(batch, JsonStyle.MinimalApi).ToUrl($"{Url}/batch");
            s.StatusCodeShouldBeOk();
        });

        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(LogActivityBatch.MaxActivities);
    }

    private async Task AssertNothingAppendedAsync()
    {
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(0);
    }
}
