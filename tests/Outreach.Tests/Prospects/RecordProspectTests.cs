using Alba;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Http;
using static BhxhPlatform.Outreach.Tests.Samples;
using Prospect = BhxhPlatform.Outreach.Prospects.Prospect;

namespace BhxhPlatform.Outreach.Tests.Prospects;

[Collection(OutreachCollection.Name)]
public sealed class RecordProspectTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/prospects";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenApprovedPlanAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> EventCount(string tenant = District)
    {
        await using var session = fixture.Store.QuerySession(tenant);
        return await session.Events.CommandEvents().CountAsync();
    }

    private async Task<int> ProspectCount(string tenant = District)
    {
        await using var session = fixture.Store.QuerySession(tenant);
        return await session.Query<Prospect>().CountAsync();
    }

    [Fact]
    public async Task A_prospect_met_at_an_activity_is_recorded_as_contacted_with_a_normalised_phone()
    {
        var activity = await fixture.Host.CreateAsync($"/api/units/{District}/activities", DirectContact());

        var id = await fixture.Host.CreateAsync(Url, Prospect("+84 912 345 678", "079203001234") with { ActivityId = activity, Email = "Hoa.Le@Example.vn" });

        var prospect = await fixture.Host.GetJsonAsync<ProspectView>($"{Url}/{id}");
        prospect.Status.ShouldBe(ProspectStatus.Contacted);
        prospect.FullName.ShouldBe("Lê Thị Hoa");
        prospect.Contact.ShouldBe(new ContactDetails("Ấp 3, xã Trảng Dài", "0912345678", "0912345678", "hoa.le@example.vn"));
        prospect.CitizenId.ShouldBe("079203001234");
        prospect.ActivityId.ShouldBe(activity);
        prospect.ConsentMethod.ShouldBe(ConsentMethod.Verbal);
        (await fixture.Host.GetJsonAsync<List<ProspectView>>($"{Url}?activityId={activity}")).Select(p => p.Id).ShouldBe([id]);
    }

    [Theory]
    [InlineData("0912345678", null)]
    [InlineData("+84912345678", null)]
    [InlineData("0987654321", "079203001234")]
    public async Task A_second_prospect_with_the_same_phone_or_citizen_id_in_the_district_is_refused_with_a_pointer(string phone, string? citizenId)
    {
        var first = await fixture.Host.CreateAsync(Url, Prospect("0912345678", "079203001234"));

        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Prospect(phone, citizenId) with { FullName = "Lê T. Hoa" }, JsonStyle.MinimalApi).ToUrl(Url);
            s.StatusCodeShouldBe(409);
        });

        var body = await result.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
        body!["existingProspectId"].GetGuid().ShouldBe(first);
        body["existing"].GetString().ShouldBe($"{Url}/{first}");
        (await ProspectCount()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_phone_in_another_district_is_another_prospect()
    {
        await fixture.Host.CreateAsync(Url, Prospect());

        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/prospects", Prospect());

        (await ProspectCount(OtherDistrict)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_officers_recording_the_same_person_at_once_store_one_prospect()
    {
        async Task<int> Record() => (await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Prospect(), JsonStyle.MinimalApi).ToUrl(Url);
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(Record)));

        statuses.Order().ShouldBe([201, 409, 409, 409, 409, 409]);
        statuses.Count(s => s == 409).ShouldBe(5);
        (await ProspectCount()).ShouldBe(1);
    }

    [Fact]
    public async Task A_prospect_of_an_unknown_activity_is_refused()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, Prospect() with { ActivityId = Guid.CreateVersion7() });

        problem.Fields.ShouldBe(["activityId"]);
    }

    public static TheoryData<string, RecordProspect, string[]> InvalidProspects()
    {
        var ok = Prospect();
        return new()
        {
            { "no name", ok with { FullName = " " }, ["fullName"] },
            { "name too long", ok with { FullName = new string('a', 201) }, ["fullName"] },
            { "decomposed name", ok with { FullName = "Lê Thị Hoa".Normalize(System.Text.NormalizationForm.FormD) }, ["fullName"] },
            { "no consent", ok with { ConsentGiven = false }, ["consentGiven"] },
            { "no consent method", ok with { ConsentMethod = null }, ["consentMethod"] },
            { "no consent time", ok with { ConsentRecordedAt = default }, ["consentRecordedAt"] },
            { "consent in the future", ok with { ConsentRecordedAt = DateTimeOffset.UtcNow.AddDays(1) }, ["consentRecordedAt"] },
            { "no scheme", ok with { TargetScheme = null }, ["targetScheme"] },
            { "no way to reach", ok with { Address = null, Phone = null, Zalo = null, Email = null }, ["phone"] },
            { "phone of nine digits", ok with { Phone = "091234567" }, ["phone"] },
            { "phone of eleven digits", ok with { Phone = "09123456789" }, ["phone"] },
            { "phone with letters", ok with { Phone = "09123abc78" }, ["phone"] },
            { "foreign phone", ok with { Phone = "+14155550100" }, ["phone"] },
            { "zalo not a phone", ok with { Zalo = "hoa.le" }, ["zalo"] },
            { "email without at", ok with { Email = "hoa.example.vn" }, ["email"] },
            { "email without domain", ok with { Email = "hoa@example" }, ["email"] },
            { "citizen id of eleven digits", ok with { CitizenId = "07920300123" }, ["citizenId"] },
            { "citizen id with letters", ok with { CitizenId = "07920300123X" }, ["citizenId"] },
            { "address too long", ok with { Address = new string('a', 501) }, ["address"] },
            { "commune with control char", ok with { CommuneId = "x\u0007" }, ["communeId"] },
            { "empty activity id", ok with { ActivityId = Guid.Empty }, ["activityId"] },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidProspects))]
    public async Task Invalid_prospects_are_refused_and_nothing_is_stored(string because, RecordProspect command, string[] fields)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, command);

        problem.Fields.Distinct().ShouldBe(fields, ignoreOrder: true, because);
        (await EventCount()).ShouldBe(0);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<ProspectContactKey>().CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(ProspectStatus.Contacted, ProspectStatus.HandedOff, true)]
    [InlineData(ProspectStatus.HandedOff, ProspectStatus.Enrolled, true)]
    [InlineData(ProspectStatus.HandedOff, ProspectStatus.Declined, true)]
    [InlineData(ProspectStatus.HandedOff, ProspectStatus.Unreachable, true)]
    [InlineData(ProspectStatus.Contacted, ProspectStatus.Enrolled, false)]
    [InlineData(ProspectStatus.HandedOff, ProspectStatus.HandedOff, false)]
    [InlineData(ProspectStatus.Enrolled, ProspectStatus.Declined, false)]
    [InlineData(ProspectStatus.Declined, ProspectStatus.HandedOff, false)]
    [InlineData(ProspectStatus.Unreachable, ProspectStatus.Contacted, false)]
    public void The_pipeline_moves_only_forward_along_its_arrows(ProspectStatus from, ProspectStatus to, bool allowed) =>
        Prospect.CanMove(from, to).ShouldBe(allowed);
}
