using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.ServiceDefaults.Commands;
using BhxhPlatform.TestSupport;
using Marten;
using Npgsql;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Activities;

/// <summary>
/// Creates that can be retried: a command named by a UUID (<c>X-Command-Id</c> or <c>commandId</c>)
/// and sent twice stores once and is answered as the first time; checked on the events and the
/// announcements Wolverine's tracking saw sent.
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class RetriedCreatesTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/activities";

    private readonly List<Wolverine.Envelope> _sent = [];

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_activity_sent_twice_with_one_command_id_is_stored_and_announced_once_and_answered_alike()
    {
        var commandId = Guid.NewGuid();

        var first = await PostAsync(Url, DirectContact(), commandId, 201);
        var second = await PostAsync(Url, DirectContact(), commandId, 201);

        second.ShouldBe(first);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(1);
        AnnouncedTo(ServiceNames.Planning).ShouldBe(1);
        AnnouncedTo(ServiceNames.Partners).ShouldBe(1);
    }

    [Fact]
    public async Task The_command_id_may_come_in_the_body_and_then_must_agree_with_the_header()
    {
        var commandId = Guid.NewGuid();
        var first = await PostAsync(Url, DirectContact() with { CommandId = commandId }, commandId: null, 201);
        var again = await PostAsync(Url, DirectContact() with { CommandId = commandId }, commandId, 201);
        again.ShouldBe(first);

        var problem = await ProblemAsync(Url, DirectContact() with { CommandId = Guid.NewGuid() }, Guid.NewGuid().ToString());
        problem.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("command-id-mismatch");
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Sends_of_one_command_racing_each_other_store_it_once_and_the_losers_are_told_it_exists()
    {
        var commandId = Guid.NewGuid();
        int[] statuses = [];
        await TrackAsync(async () => statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var client = fixture.Host.Server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.ProvincialAdministrator);
            client.DefaultRequestHeaders.Add(CommandIds.Header, commandId.ToString());
            using var response = await client.PostAsJsonAsync(Url, DirectContact());
            return (int)response.StatusCode;
        })));

        statuses.ShouldAllBe(s => s == 201 || s == 409);
        statuses.ShouldContain(201);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(1);
        AnnouncedTo(ServiceNames.Planning).ShouldBe(1);
    }

    [Fact]
    public async Task A_command_id_reused_for_another_activity_is_refused_and_appends_nothing()
    {
        var commandId = Guid.NewGuid();
        await PostAsync(Url, DirectContact(), commandId, 201);

        var problem = await ProblemAsync(Url, DirectContact() with { PeopleReached = 99 }, commandId.ToString());

        problem.Fields.ShouldBe(["commandId"]);
        problem.FieldErrors![0].Code.ShouldBe("command-id-reused");
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(1);
        AnnouncedTo(ServiceNames.Planning).ShouldBe(1);
    }

    [Theory]
    [InlineData("sync-7")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("1234")]
    public async Task An_x_command_id_that_is_not_a_uuid_is_a_400_naming_the_header_and_appends_nothing(string header)
    {
        var problem = await ProblemAsync(Url, DirectContact(), header);

        problem.Fields.ShouldBe([CommandIds.Header]);
        problem.FieldErrors![0].ShouldSatisfyAllConditions(e => e.Code.ShouldBe("not-a-uuid"), e => e.Vi.ShouldNotBeEmpty(), e => e.En.ShouldNotBeEmpty());
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(0);
        AnnouncedTo(ServiceNames.Planning).ShouldBe(0);
    }

    [Fact]
    public async Task A_retried_offline_batch_of_200_activities_stores_200_not_400()
    {
        var batch = new LogActivityBatch(Enumerable.Range(0, LogActivityBatch.MaxActivities)
            .Select(i => DirectContact() with { PeopleReached = i + 1, CommandId = Guid.NewGuid() }).ToList());

        var first = await PostBatchAsync(batch, commandId: null);
        var second = await PostBatchAsync(batch, commandId: null);

        second.Ids.ShouldBe(first.Ids);
        first.Ids.Distinct().Count().ShouldBe(LogActivityBatch.MaxActivities);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.CommandEvents().CountAsync()).ShouldBe(LogActivityBatch.MaxActivities);
        AnnouncedTo(ServiceNames.Planning).ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_named_by_its_header_is_stored_once_and_a_longer_resend_stores_only_the_new_activities()
    {
        var commandId = Guid.NewGuid();
        var three = Enumerable.Range(0, 3).Select(i => DirectContact() with { PeopleReached = 10 + i }).ToList();

        var first = await PostBatchAsync(new LogActivityBatch(three), commandId);
        var again = await PostBatchAsync(new LogActivityBatch([.. three, DirectContact() with { PeopleReached = 50 }]), commandId);

        again.Ids.Take(3).ShouldBe(first.Ids);
        await using var session = fixture.Store.QuerySession(District);
        var stored = await session.Events.QueryRawEventDataOnly<ActivityLogged>().ToListAsync();
        stored.Select(e => e.Details.PeopleReached).ShouldBe([10, 11, 12, 50], ignoreOrder: true);
        AnnouncedTo(ServiceNames.Planning).ShouldBe(2);
    }

    [Fact]
    public async Task The_same_command_id_in_another_unit_makes_another_activity()
    {
        var commandId = Guid.NewGuid();

        CommandIds.StreamId(District, StoredBefore.Kind, commandId).ShouldNotBe(CommandIds.StreamId("long-khanh", StoredBefore.Kind, commandId));
        CommandIds.StreamId(District, StoredBefore.Kind, commandId).ShouldBe(CommandIds.StreamId(District, StoredBefore.Kind, commandId));
        CommandIds.StreamId(District, StoredBefore.Kind, commandId).ShouldNotBe(CommandIds.StreamId(District, EnrolmentCommand.Kind, commandId));
        CommandIds.StreamId(District, StoredBefore.Kind, commandId).Version.ShouldBe(8);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_enrolment_sent_twice_with_one_command_id_is_stored_once()
    {
        var url = $"/api/units/{District}/enrolments";
        var commandId = Guid.NewGuid();
        var enrolment = new RecordEnrolment(EnrolmentScheme.HouseholdHealthInsurance, new DateOnly(2026, 11, 21), Count: 4);

        var first = await PostAsync(url, enrolment, commandId, 201);
        var second = await PostAsync(url, enrolment, commandId, 201);
        var reused = await ProblemAsync(url, enrolment with { Count = 5 }, commandId.ToString());

        second.ShouldBe(first);
        reused.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("command-id-reused");
        await using var session = fixture.Store.QuerySession(District);
        (await session.Events.QueryRawEventDataOnly<EnrolmentRecorded>().CountAsync()).ShouldBe(1);
    }

    private async Task<string> PostAsync(string url, object command, Guid? commandId, int status)
    {
        IScenarioResult? result = null;
        await TrackAsync(async () => result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
            if (commandId is { } id)
            {
                s.WithRequestHeader(CommandIds.Header, id.ToString());
            }

            s.StatusCodeShouldBe(status);
        }));
        return await result!.ReadAsTextAsync();
    }

    private async Task TrackAsync(Func<Task> act) => _sent.AddRange(await fixture.Host.SentDuringAsync(act));

    private async Task<LoggedActivityBatch> PostBatchAsync(LogActivityBatch batch, Guid? commandId) =>
        JsonSerializer.Deserialize<LoggedActivityBatch>(await PostAsync($"{Url}/batch", batch, commandId, 200), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;

    private async Task<ProblemBody> ProblemAsync(string url, object command, string header)
    {
        IScenarioResult? result = null;
        await TrackAsync(async () => result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
            s.WithRequestHeader(CommandIds.Header, header);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        }));
        return JsonSerializer.Deserialize<ProblemBody>(await result!.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
    }

    private int AnnouncedTo(string consumer) => _sent.To(consumer).Count;
}
