using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.TestSupport;
using Wolverine.Tracking;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Registry;

[Collection(PartnersCollection.Name)]
public sealed class RegisterPartnerTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/partners";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_registered_partner_reads_back_and_is_announced_to_planning_and_outreach()
    {
        Guid id = default;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            id = await fixture.Host.CreateAsync(Url, new RegisterPartner("Trung tâm VHTT-TT huyện", PartnerType.CultureMediaCentre, null)));

        var partner = await fixture.Host.GetJsonAsync<Partner>($"{Url}/{id}");
        partner.Contacts.ShouldBeEmpty();
        partner.ShouldBe(new Partner(id, "Trung tâm VHTT-TT huyện", PartnerType.CultureMediaCentre, null, PartnerStatus.Active, null, partner.Contacts, 1));

        var envelopes = tracked.Sent.Envelopes().Where(e => e.Message is PartnerRegistered).ToList();
        envelopes.Select(e => e.Destination!.ToString()).ShouldBe(
            [$"postgresql://{ServiceNames.Planning}/", $"postgresql://{ServiceNames.Outreach}/"], ignoreOrder: true);
        envelopes.ShouldAllBe(e => e.TenantId == District);
        envelopes[0].Message.ShouldBe(new PartnerRegistered(id, "Trung tâm VHTT-TT huyện", "CultureMediaCentre", null));
    }

    [Fact]
    public async Task A_partner_may_serve_one_commune_of_the_district()
    {
        var id = await fixture.Host.CreateAsync(Url, new RegisterPartner("UBND phường Trảng Dài", PartnerType.CommunePeoplesCommittee, "bien-hoa.trang-dai"));

        (await fixture.Host.GetJsonAsync<Partner>($"{Url}/{id}")).CommuneId.ShouldBe("bien-hoa.trang-dai");
    }

    [Theory]
    [InlineData(PartnerType.PropagandaBoard)]
    [InlineData(PartnerType.EmploymentServiceCentre)]
    [InlineData(PartnerType.IndustrialParkAuthority)]
    [InlineData(PartnerType.CooperativeAlliance)]
    [InlineData(PartnerType.MarketBoard)]
    [InlineData(PartnerType.FatherlandFront)]
    [InlineData(PartnerType.ReligiousInstitution)]
    [InlineData(PartnerType.EducationOfficeOrSchool)]
    [InlineData(PartnerType.HealthFacility)]
    [InlineData(PartnerType.CollectionServiceOrganisation)]
    [InlineData(PartnerType.Sponsor)]
    [InlineData(PartnerType.YouthUnion)]
    [InlineData(PartnerType.HamletHeadOrPrestigiousPerson)]
    public async Task Every_kind_of_unit_can_be_registered(PartnerType type)
    {
        var id = await fixture.Host.CreateAsync(Url, new RegisterPartner("Đơn vị", type, null));

        (await fixture.Host.GetJsonAsync<Partner>($"{Url}/{id}")).Type.ShouldBe(type);
    }

    [Fact]
    public async Task A_partner_without_name_or_type_is_refused()
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, new RegisterPartner("", null, null));

        problem.Fields.ShouldBe(["name", "type"], ignoreOrder: true);
        (await fixture.Store.EventCountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("long-thanh.phuoc-thai")]
    [InlineData("bien-hoa.")]
    [InlineData("bien-hoa.Trang Dai")]
    [InlineData("trang-dai")]
    public async Task A_commune_outside_the_district_is_refused(string communeId)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Url, new RegisterPartner("UBND xã", PartnerType.CommunePeoplesCommittee, communeId));

        problem.Fields.ShouldBe(["communeId"]);
        (await fixture.Store.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_name_too_long_not_nfc_or_with_control_characters_and_an_unknown_type_are_refused()
    {
        (await fixture.Host.PostExpectingProblemAsync(Url, new RegisterPartner(new string('a', 301), PartnerType.Other, null))).Fields.ShouldBe(["name"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new RegisterPartner("Hô\u0323i", PartnerType.Other, null))).Fields.ShouldBe(["name"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new RegisterPartner("Hội\u0000", PartnerType.Other, null))).Fields.ShouldBe(["name"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new RegisterPartner("Hội", (PartnerType)99, null))).Fields.ShouldBe(["type"]);
        (await fixture.Store.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Partners_are_listed_by_name_and_filtered_by_type_and_status()
    {
        var union = await fixture.Host.PartnerAsync("Hội Nông dân huyện");
        var centre = await fixture.Host.PartnerAsync("Bệnh viện huyện", PartnerType.HealthFacility);
        await fixture.Host.PostOkAsync($"{Url}/{centre}/suspend", new SuspendPartner(1, "Tạm ngừng phối hợp"));

        (await fixture.Host.GetJsonAsync<List<Partner>>(Url)).Select(p => p.Id).ShouldBe([centre, union]);
        (await fixture.Host.GetJsonAsync<List<Partner>>($"{Url}?type=UnionOrAssociation")).Select(p => p.Id).ShouldBe([union]);
        (await fixture.Host.GetJsonAsync<List<Partner>>($"{Url}?status=Suspended")).Select(p => p.Id).ShouldBe([centre]);
    }
}
