using Alba;
using BhxhPlatform.Contracts.Reminders;
using BhxhPlatform.Outreach.HandOffs;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;
using Contract = BhxhPlatform.Contracts.Outreach;
using Prospect = BhxhPlatform.Outreach.Prospects.Prospect;

namespace BhxhPlatform.Outreach.Tests.HandOffs;

[Collection(OutreachCollection.Name)]
public sealed class HandOffTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/hand-offs";
    private static readonly DateOnly Day = new(2026, 11, 10);

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid[]> GivenProspectsAsync(int count, int first = 0) =>
        await Task.WhenAll(Enumerable.Range(first, count).Select(i =>
            fixture.Host.CreateAsync($"/api/units/{District}/prospects", Prospect($"09123456{i:00}"))));

    private Task<ProspectView> ProspectAsync(Guid id) => fixture.Host.GetJsonAsync<ProspectView>($"/api/units/{District}/prospects/{id}");

    private async Task PostAsync(string url, object command, int status = 202) => await fixture.Host.Scenario(s =>
    {
        s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task A_suspended_or_dissolved_collection_organisation_takes_no_hand_off_and_statuses_out_of_order_end_at_the_newest()
    {
        var prospects = await GivenProspectsAsync(2);
        async Task Status(string status, long revision) => await fixture.Host.InvokeMessageAndWaitAsync(
            new Contracts.Partners.PartnerStatusChanged(CollectionOrganisation, status, Day, revision), District);
        async Task<int> HandOffEvents()
        {
            await using var session = fixture.Store.QuerySession(District);
            return await session.Events.QueryAllRawEvents().CountAsync(e => e.EventTypeName == "hand_off_batch_created");
        }

        await Status("Suspended", 3);
        var refused = await fixture.Host.PostExpectingProblemAsync(Url, new HandOffProspects(CollectionOrganisation, prospects, Day));
        refused.FieldErrors!.Single().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("collectionOrganisationId"), e => e.Code.ShouldBe("organisation-not-active"));
        (await HandOffEvents()).ShouldBe(0);

        // Reactivated (version 4), then the older suspension arrives again: still active.
        await Status("Active", 4);
        await Status("Suspended", 3);
        // A restated registration keeps the status it has.
        await fixture.Host.InvokeMessageAndWaitAsync(
            new Contracts.Partners.PartnerRegistered(CollectionOrganisation, "Điểm thu Bưu điện Hố Nai", "CollectionServiceOrganisation", null), District);
        await fixture.Host.CreateAsync(Url, new HandOffProspects(CollectionOrganisation, [prospects[0]], Day));

        await Status("Dissolved", 5);
        (await fixture.Host.PostExpectingProblemAsync(Url, new HandOffProspects(CollectionOrganisation, [prospects[1]], Day)))
            .FieldErrors!.Single().Code.ShouldBe("organisation-not-active");
        (await HandOffEvents()).ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_is_handed_off_acknowledged_and_its_outcomes_move_the_pipeline()
    {
        var prospects = await GivenProspectsAsync(4);
        Guid batch = default;

        var handedOff = await fixture.Host.ExecuteAndWaitAsync(async () =>
            batch = await fixture.Host.CreateAsync(Url, new HandOffProspects(CollectionOrganisation, prospects, Day)));

        handedOff.Sent.MessagesOf<Contract.ProspectsHandedOff>().First().ShouldBe(new Contract.ProspectsHandedOff(batch, CollectionOrganisation, 4, Day));
        var reminder = handedOff.Sent.MessagesOf<ReminderRaised>().Distinct().ShouldHaveSingleItem();
        reminder.Kind.ShouldBe(ReminderKinds.HandOffReceived);
        reminder.Audience.ShouldBe(new ReminderAudience(District, PlatformRoles.CollectionAgent, CollectionOrganisation));
        reminder.PortalPath.ShouldBe($"/collection/hand-offs/{batch}");
        reminder.Body.Vi.ShouldStartWith("Ngày 10/11/2026, BHXH đã bàn giao 4 người");
        (await ProspectAsync(prospects[0])).ShouldSatisfyAllConditions(
            p => p.Status.ShouldBe(ProspectStatus.HandedOff), p => p.HandOffBatchId.ShouldBe(batch), p => p.CollectionOrganisationId.ShouldBe(CollectionOrganisation));

        await PostAsync($"{Url}/{batch}/acknowledgement", new AcknowledgeHandOff(1, Day.AddDays(1)));
        (await fixture.Host.GetJsonAsync<HandOffBatch>($"{Url}/{batch}")).AcknowledgedOn.ShouldBe(Day.AddDays(1));

        var first = await fixture.Host.ExecuteAndWaitAsync(() => PostAsync($"{Url}/{batch}/outcomes", new ReportHandOffOutcomes(2, Day.AddDays(5),
            [new(prospects[0], ProspectOutcome.Enrolled), new(prospects[1], ProspectOutcome.Declined)])));
        var second = await fixture.Host.ExecuteAndWaitAsync(() => PostAsync($"{Url}/{batch}/outcomes", new ReportHandOffOutcomes(3, Day.AddDays(9),
            [new(prospects[2], ProspectOutcome.Unreachable)])));

        first.Sent.MessagesOf<Contract.HandOffOutcomesReported>().First().ShouldBe(new Contract.HandOffOutcomesReported(batch, CollectionOrganisation, 1, 1, 0));
        second.Sent.MessagesOf<Contract.HandOffOutcomesReported>().First().ShouldBe(new Contract.HandOffOutcomesReported(batch, CollectionOrganisation, 1, 1, 1));
        (await ProspectAsync(prospects[0])).Status.ShouldBe(ProspectStatus.Enrolled);
        (await ProspectAsync(prospects[1])).Status.ShouldBe(ProspectStatus.Declined);
        (await ProspectAsync(prospects[2])).Status.ShouldBe(ProspectStatus.Unreachable);
        (await ProspectAsync(prospects[3])).Status.ShouldBe(ProspectStatus.HandedOff);

        (await fixture.Host.GetJsonAsync<List<ProspectView>>($"/api/units/{District}/prospects?status=HandedOff")).Select(p => p.Id).ShouldBe([prospects[3]]);
        (await fixture.Host.GetJsonAsync<List<ProspectView>>($"/api/units/{District}/prospects?organisationId={CollectionOrganisation}")).Count.ShouldBe(4);

        var pipeline = await fixture.Host.GetJsonAsync<ProspectPipeline>($"/api/units/{District}/prospect-pipeline");
        pipeline.ByStatus[ProspectStatus.Enrolled].ShouldBe(1);
        pipeline.ByStatus[ProspectStatus.Contacted].ShouldBe(0);
        pipeline.ByOrganisation.ShouldBe([new OrganisationConversion(CollectionOrganisation, "Điểm thu Bưu điện Hố Nai", 4, 1, 1, 1, 1, 0.25)]);
    }

    [Theory]
    [InlineData("unknown organisation", "00000000-0000-0000-0000-00000000000a")]
    [InlineData("organisation that does not collect", "0196b2a0-0000-7000-8000-000000000005")]
    public async Task A_hand_off_to_an_unknown_or_non_collection_partner_is_refused(string because, string organisation)
    {
        var prospects = await GivenProspectsAsync(1);

        var problem = await fixture.Host.PostExpectingProblemAsync(Url, new HandOffProspects(Guid.Parse(organisation), prospects, Day));

        problem.Fields.ShouldBe(["collectionOrganisationId"], because);
        (await ProspectAsync(prospects[0])).Status.ShouldBe(ProspectStatus.Contacted);
    }

    [Fact]
    public async Task A_prospect_already_handed_off_cannot_be_handed_off_again()
    {
        var prospects = await GivenProspectsAsync(2);
        await fixture.Host.CreateAsync(Url, new HandOffProspects(CollectionOrganisation, [prospects[0]], Day));

        var problem = await fixture.Host.PostExpectingProblemAsync(Url, new HandOffProspects(CollectionOrganisation, prospects, Day));

        problem.Fields.ShouldBe(["prospectIds[0]"]);
        (await ProspectAsync(prospects[1])).Status.ShouldBe(ProspectStatus.Contacted);
    }

    public static TheoryData<string, HandOffProspects, string[]> InvalidHandOffs() => new()
    {
        { "no organisation", new HandOffProspects(Guid.Empty, [Guid.CreateVersion7()], Day), ["collectionOrganisationId", "prospectIds[0]"] },
        { "no prospects", new HandOffProspects(CollectionOrganisation, [], Day), ["prospectIds"] },
        { "null prospects", new HandOffProspects(CollectionOrganisation, null, Day), ["prospectIds"] },
        { "unknown prospect", new HandOffProspects(CollectionOrganisation, [Guid.CreateVersion7()], Day), ["prospectIds[0]"] },
        { "no date", new HandOffProspects(CollectionOrganisation, [Guid.CreateVersion7()], default), ["handedOffOn", "prospectIds[0]"] },
        { "date in future", new HandOffProspects(CollectionOrganisation, [Guid.CreateVersion7()], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)),
            ["handedOffOn", "prospectIds[0]"] },
    };

    [Theory]
    [MemberData(nameof(InvalidHandOffs))]
    public async Task Invalid_hand_offs_are_refused_and_nothing_is_appended(string because, HandOffProspects command, string[] fields)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, command);

        problem.Fields.Distinct().ShouldBe(fields, ignoreOrder: true, because);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<HandOffBatch>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_hand_off_naming_someone_twice_is_refused()
    {
        var prospects = await GivenProspectsAsync(1);

        var problem = await fixture.Host.PostExpectingProblemAsync(Url, new HandOffProspects(CollectionOrganisation, [prospects[0], prospects[0]], Day));

        problem.Fields.Distinct().ShouldBe(["prospectIds"]);
    }

    [Fact]
    public async Task Acknowledgement_rules()
    {
        var prospects = await GivenProspectsAsync(1);
        var batch = await fixture.Host.CreateAsync(Url, new HandOffProspects(CollectionOrganisation, prospects, Day));

        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/acknowledgement", new AcknowledgeHandOff(1, Day.AddDays(-1)))).Fields.ShouldBe(["acknowledgedOn"]);
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/acknowledgement", new AcknowledgeHandOff(1, default))).Fields.ShouldContain("acknowledgedOn");
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/acknowledgement",
            new AcknowledgeHandOff(1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)))).Fields.ShouldBe(["acknowledgedOn"]);
        await PostAsync($"{Url}/{batch}/acknowledgement", new AcknowledgeHandOff(1, Day));
        await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/acknowledgement", new AcknowledgeHandOff(2, Day), 409);
        await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/acknowledgement", new AcknowledgeHandOff(1, Day), 409);
        (await fixture.Host.GetJsonAsync<HandOffBatch>($"{Url}/{batch}")).Version.ShouldBe(2);
    }

    [Fact]
    public async Task Outcome_rules()
    {
        var prospects = await GivenProspectsAsync(2);
        var outsider = (await GivenProspectsAsync(1, first: 50))[0];
        var batch = await fixture.Host.CreateAsync(Url, new HandOffProspects(CollectionOrganisation, prospects, Day));

        async Task<IReadOnlyList<string>> Refused(ReportHandOffOutcomes command) =>
            (await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/outcomes", command)).Fields;

        (await Refused(new ReportHandOffOutcomes(1, Day, []))).ShouldBe(["outcomes"]);
        (await Refused(new ReportHandOffOutcomes(1, Day, null))).ShouldBe(["outcomes"]);
        (await Refused(new ReportHandOffOutcomes(1, default, [new(prospects[0], ProspectOutcome.Enrolled)]))).ShouldContain("reportedOn");
        (await Refused(new ReportHandOffOutcomes(1, Day.AddDays(-1), [new(prospects[0], ProspectOutcome.Enrolled)]))).ShouldBe(["reportedOn"]);
        (await Refused(new ReportHandOffOutcomes(1, Day, [new(prospects[0], null)]))).ShouldBe(["outcomes[0].outcome"]);
        (await Refused(new ReportHandOffOutcomes(1, Day, [new(outsider, ProspectOutcome.Enrolled)]))).ShouldBe(["outcomes[0].prospectId"]);
        (await Refused(new ReportHandOffOutcomes(1, Day, [new(prospects[0], ProspectOutcome.Enrolled), new(prospects[0], ProspectOutcome.Declined)])))
            .ShouldBe(["outcomes"]);

        await PostAsync($"{Url}/{batch}/outcomes", new ReportHandOffOutcomes(1, Day, [new(prospects[0], ProspectOutcome.Enrolled)]));

        (await Refused(new ReportHandOffOutcomes(2, Day, [new(prospects[0], ProspectOutcome.Declined)]))).ShouldBe(["outcomes[0].prospectId"]);
        await fixture.Host.PostExpectingProblemAsync($"{Url}/{batch}/outcomes", new ReportHandOffOutcomes(1, Day, [new(prospects[1], ProspectOutcome.Declined)]), 409);
        (await ProspectAsync(prospects[0])).Status.ShouldBe(ProspectStatus.Enrolled);
        (await ProspectAsync(prospects[1])).Status.ShouldBe(ProspectStatus.HandedOff);
    }
}
