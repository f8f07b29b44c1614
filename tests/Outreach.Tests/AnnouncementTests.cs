using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.TestSupport;
using System.Net.Http.Json;
using Marten;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests;

/// <summary>
/// Announcements leave through Wolverine's durable outbox, one envelope per consumer with who, which unit
/// and the correlation of the events, and only for commands that committed: checked on the envelopes
/// Wolverine's tracking saw sent.
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class AnnouncementTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_logged_activity_is_one_envelope_in_each_consumers_queue_with_who_where_and_correlation()
    {
        IScenarioResult? result = null;
        var sent = await fixture.Host.SentDuringAsync(async () => result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(DirectContact(), JsonStyle.MinimalApi).ToUrl(Url);
            s.WithRequestHeader("X-Command-Id", "0f8fad5b-d9cb-469f-a165-70867728950e");
            s.StatusCodeShouldBe(201);
        }));
        var id = (await result!.ReadAsJsonAsync<CreatedId>())!.Value;

        await using var session = fixture.Store.QuerySession(District);
        var logged = (await session.Events.FetchStreamAsync(id)).ShouldHaveSingleItem();

        sent.Count.ShouldBe(2);
        foreach (var consumer in new[] { ServiceNames.Planning, ServiceNames.Partners })
        {
            var envelope = sent.To(consumer).ShouldHaveSingleItem();
            envelope.MessageType.ShouldBe(typeof(ActivityRecorded).FullName);
            envelope.Source.ShouldBe(ServiceNames.Outreach);
            envelope.TenantId.ShouldBe(District);
            envelope.UserName.ShouldBe(logged.UserName);
            envelope.UserName.ShouldBe("admin.dong-nai");
            envelope.CorrelationId.ShouldBe(logged.CorrelationId);
            var message = envelope.Message.ShouldBeOfType<ActivityRecorded>();
            message.ActivityId.ShouldBe(id);
            message.PeopleReached.ShouldBe(12);
        }
    }

    [Fact]
    public async Task A_batch_writes_one_envelope_per_consumer_carrying_all_its_activities_in_its_single_transaction()
    {
        var batch = new LogActivityBatch(Enumerable.Range(0, 3).Select(i => DirectContact() with { PeopleReached = 10 + i }).ToList());
        IScenarioResult? result = null;
        var sent = await fixture.Host.SentDuringAsync(async () => result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(batch, JsonStyle.MinimalApi).ToUrl($"{Url}/batch");
            s.WithRequestHeader("X-Command-Id", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
            s.StatusCodeShouldBe(200);
        }));
        var ids = (await result!.ReadAsJsonAsync<LoggedActivityBatch>())!.Ids;

        await using var session = fixture.Store.QuerySession(District);
        var logged = await session.Events.QueryAllRawEvents().ToListAsync();
        logged.Count.ShouldBe(3);
        foreach (var consumer in new[] { ServiceNames.Planning, ServiceNames.Partners })
        {
            var envelope = sent.To(consumer).ShouldHaveSingleItem();
            envelope.MessageType.ShouldBe(typeof(ActivitiesRecorded).FullName);
            envelope.TenantId.ShouldBe(District);
            envelope.UserName.ShouldBe("admin.dong-nai");
            envelope.CorrelationId.ShouldBe(logged[0].CorrelationId);
            var message = envelope.Message.ShouldBeOfType<ActivitiesRecorded>();
            message.Activities.Select(a => a.ActivityId).ShouldBe(ids);
            message.Activities.Select(a => a.PeopleReached).ShouldBe([10, 11, 12]);
        }
    }

    [Fact]
    public async Task A_batch_of_the_maximum_size_is_still_one_envelope_per_consumer()
    {
        var batch = new LogActivityBatch(Enumerable.Repeat(DirectContact(), LogActivityBatch.MaxActivities).ToList());
        var sent = await fixture.Host.SentDuringAsync(() => fixture.Host.Scenario(s =>
        {
            s.Post.Json(batch, JsonStyle.MinimalApi).ToUrl($"{Url}/batch");
            s.StatusCodeShouldBe(200);
        }));

        var envelope = sent.To(ServiceNames.Planning).ShouldHaveSingleItem();
        envelope.Message.ShouldBeOfType<ActivitiesRecorded>().Activities.Select(a => a.ActivityId)
            .Distinct().Count().ShouldBe(LogActivityBatch.MaxActivities);
        sent.To(ServiceNames.Partners).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_rejected_command_announces_nothing()
    {
        var sent = await fixture.Host.SentDuringAsync(() => fixture.Host.PostExpectingProblemAsync(Url, DirectContact() with { PeopleReached = -1 }));

        sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Of_concurrent_corrections_with_the_same_expected_version_only_the_winner_is_announced()
    {
        var id = await fixture.Host.CreateAsync(Url, DirectContact());

        int[] statuses = [];
        var sent = await fixture.Host.SentDuringAsync(async () => statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => fixture.Host.Server.CreateClient()).Select(async (client, i) =>
        {
            using (client)
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.ProvincialAdministrator);
                using var response = await client.PostAsJsonAsync(
                    $"{Url}/{id}/corrections", new CorrectActivity(1, $"Sửa lần {i}", DirectContact() with { PeopleReached = 20 + i }));
                return (int)response.StatusCode;
            }
        })));

        statuses.Count(s => s == 202).ShouldBe(1);
        statuses.Count(s => s == 409).ShouldBe(5);
        var correction = sent.To(ServiceNames.Planning).ShouldHaveSingleItem().Message.ShouldBeOfType<Contracts.Outreach.ActivityCorrected>();
        await using var session = fixture.Store.QuerySession(District);
        correction.PeopleReached.ShouldBe((await session.LoadAsync<Activity>(id))!.Details.PeopleReached);
        sent.To(ServiceNames.Partners).ShouldHaveSingleItem();
    }

    private sealed record CreatedId(Guid Value);
}
