using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Agreements;

[Collection(PartnersCollection.Name)]
public sealed class DraftAgreementTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/agreements";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ExpectRefusal(DraftAgreement draft, params string[] fields)
    {
        var before = await fixture.Store.EventCountAsync();
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, draft);
        problem.Fields.ShouldBe(fields, ignoreOrder: true);
        (await fixture.Store.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Kind_title_parties_and_term_are_required() =>
        await ExpectRefusal(new DraftAgreement(null, "", null, null, null, null, null, null, null, null),
            "kind", "title", "partnerIds", "startsOn", "endsOn");

    [Fact]
    public async Task The_end_must_come_after_the_start()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        await ExpectRefusal(draft with { EndsOn = draft.StartsOn }, "endsOn");
    }

    [Fact]
    public async Task A_contract_needs_a_positive_whole_value_in_dong()
    {
        var contract = Programme(await fixture.Host.PartnerAsync()) with { Kind = AgreementKind.Contract };
        await ExpectRefusal(contract, "valueVnd");
        await ExpectRefusal(contract with { ValueVnd = 0 }, "valueVnd");
        await ExpectRefusal(contract with { ValueVnd = -5 }, "valueVnd");
        await ExpectRefusal(contract with { ValueVnd = 10.5m }, "valueVnd");
        await ExpectRefusal(contract with { ValueVnd = 2_000_000_000_000m }, "valueVnd");
    }

    [Fact]
    public async Task Scope_codes_forms_and_yearly_count_are_checked()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        await ExpectRefusal(draft with { AudienceCodes = ["3.1", "ba"], FormKinds = ["Telepathy", "3"], PlanLineCodes = ["3.1.01x"], ActivitiesPerYear = 0 },
            "audienceCodes[1]", "formKinds[0]", "formKinds[1]", "planLineCodes[0]", "activitiesPerYear");
    }

    [Fact]
    public async Task The_title_is_nfc_without_control_characters_and_not_too_long()
    {
        var draft = Programme(await fixture.Host.PartnerAsync());
        await ExpectRefusal(draft with { Title = new string('a', 301) }, "title");
        await ExpectRefusal(draft with { Title = "Chương trình\u0007" }, "title");
        await ExpectRefusal(draft with { Title = "Chu\u0301ơng trình" }, "title");
    }

    [Fact]
    public async Task Parties_must_be_distinct_known_and_not_empty()
    {
        var partner = await fixture.Host.PartnerAsync();
        var draft = Programme(partner);
        await ExpectRefusal(draft with { PartnerIds = [] }, "partnerIds");
        await ExpectRefusal(draft with { PartnerIds = [partner, partner] }, "partnerIds");
        await ExpectRefusal(draft with { PartnerIds = [Guid.Empty] }, "partnerIds");

        var problem = await fixture.Host.PostExpectingProblemAsync(Url, draft with { PartnerIds = [partner, Guid.NewGuid()] });
        problem.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("unknown-partner");
    }

    [Fact]
    public async Task A_partner_of_another_district_is_not_a_party_here()
    {
        var elsewhere = await fixture.Host.CreateAsync("/api/units/long-thanh/partners",
            new BhxhPlatform.Partners.Registry.RegisterPartner("Hội Nông dân huyện Long Thành", BhxhPlatform.Partners.Registry.PartnerType.UnionOrAssociation, null));

        var problem = await fixture.Host.PostExpectingProblemAsync(Url, Programme(elsewhere));

        problem.FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("unknown-partner");
    }
}
