using System.Text.Json;
using Alba;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Commands;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.TestSupport;
using Marten;
using static BhxhPlatform.Outreach.Tests.Samples;
using Prospect = BhxhPlatform.Outreach.Prospects.Prospect;

namespace BhxhPlatform.Outreach.Tests.Prospects;

/// <summary>
/// A prospect named by a command id (an offline sync whose answer was lost, sent again) is recorded once: the
/// resend is answered as the first send and appends nothing; the same command id with another person is refused
/// field by field, and appends nothing either. Checked on the events and documents in PostgreSQL.
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class RetriedProspectTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/prospects";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_prospect_sent_twice_with_one_command_id_is_stored_once_and_answered_alike()
    {
        var commandId = Guid.NewGuid();
        var prospect = Prospect() with { NextContactOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(3) };

        var first = await PostAsync(prospect, commandId.ToString(), 201);
        var events = await EventCountAsync();
        var second = await PostAsync(prospect, commandId.ToString(), 201);
        var inBody = await PostAsync(prospect with { CommandId = commandId }, header: null, 201);

        second.ShouldBe(first);
        inBody.ShouldBe(first);
        (await EventCountAsync()).ShouldBe(events);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<Prospect>().Select(p => p.Id).ToListAsync()).ShouldBe([CommandIds.StreamId(District, ProspectCommand.Kind, commandId)]);
        (await session.Query<PersonKey>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_command_id_with_another_person_is_refused_field_by_field_and_appends_nothing()
    {
        var commandId = Guid.NewGuid();
        await PostAsync(Prospect(), commandId.ToString(), 201);
        var events = await EventCountAsync();

        var problem = await ProblemAsync(Prospect("0987654321") with { FullName = "Trần Văn Nam", TargetScheme = TargetScheme.HouseholdHealthInsurance }, commandId.ToString());

        problem.Fields.ShouldBe(["commandId", "fullName", "phone", "zalo", "targetScheme"], ignoreOrder: true);
        problem.FieldErrors!.Single(e => e.Field == "commandId").Code.ShouldBe("command-id-reused");
        problem.FieldErrors!.Where(e => e.Field != "commandId").ShouldAllBe(e => e.Code == "differs-from-first-send" && e.Vi != "" && e.En != "");
        problem.FieldErrors!.ShouldAllBe(e => !e.Vi.Contains("Nam") && !e.En.Contains("0987654321"));
        (await EventCountAsync()).ShouldBe(events);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<Prospect>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_header_and_body_naming_different_commands_are_refused()
    {
        var problem = await ProblemAsync(Prospect() with { CommandId = Guid.NewGuid() }, Guid.NewGuid().ToString());

        problem.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("command-id-mismatch");
        (await EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_command_id_for_the_same_person_is_still_the_duplicate_it_was()
    {
        await PostAsync(Prospect(), Guid.NewGuid().ToString(), 201);

        await PostAsync(Prospect(), Guid.NewGuid().ToString(), 409);

        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<Prospect>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_resend_after_the_person_was_erased_is_refused_and_records_nobody_again()
    {
        var commandId = Guid.NewGuid();
        var id = JsonDocument.Parse(await PostAsync(Prospect(), commandId.ToString(), 201)).RootElement.GetProperty("value").GetGuid();
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new EraseProspect(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/erase");
            s.StatusCodeShouldBe(204);
        });
        var events = await EventCountAsync();

        var problem = await ProblemAsync(Prospect(), commandId.ToString());

        problem.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("command-id-erased");
        (await EventCountAsync()).ShouldBe(events);
    }

    private async Task<int> EventCountAsync()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Events.CommandEvents().CountAsync();
    }

    private async Task<string> PostAsync(RecordProspect prospect, string? header, int status)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(prospect, JsonStyle.MinimalApi).ToUrl(Url);
            if (header is not null)
            {
                s.WithRequestHeader(CommandIds.Header, header);
            }

            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    private async Task<ProblemBody> ProblemAsync(RecordProspect prospect, string header)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(prospect, JsonStyle.MinimalApi).ToUrl(Url);
            s.WithRequestHeader(CommandIds.Header, header);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
    }
}
