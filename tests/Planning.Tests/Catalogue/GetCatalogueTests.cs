using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.Planning.Tests.Catalogue;

[Collection(PlanningCollection.Name)]
public sealed class GetCatalogueTests(PlanningFixture fixture)
{
    [Fact]
    public async Task The_catalogue_lines_and_audiences_are_served_to_everyone()
    {
        var lines = await fixture.Host.GetJsonAsync<List<PlanLine>>("/api/catalogue/lines");
        var audiences = await fixture.Host.GetJsonAsync<List<Audience>>("/api/catalogue/audiences");

        lines.Count.ShouldBe(43);
        lines[0].Code.ShouldBe("1.01");
        lines[0].Frequency.Kind.ShouldBe(FrequencyKind.Regular);
        audiences.Count.ShouldBe(17);
        audiences.Single(a => a.Code == "3.1").Parent.ShouldBe("3");
    }

    [Fact]
    public async Task The_organisation_tree_is_served_by_province_and_district()
    {
        var provinces = await fixture.Host.GetJsonAsync<List<ProvinceSummary>>("/api/organisation/provinces");
        var districts = await fixture.Host.GetJsonAsync<List<DistrictSummary>>("/api/organisation/provinces/dong-nai/districts");
        var communes = await fixture.Host.GetJsonAsync<List<Commune>>("/api/organisation/districts/bien-hoa/communes");

        provinces.ShouldHaveSingleItem().Name.ShouldBe("Đồng Nai");
        districts.Count.ShouldBe(11);
        districts.Select(d => d.Id).ShouldContain("nhon-trach");
        communes.ShouldContain(c => c.Id == "bien-hoa.trang-dai" && c.Name == "Phường Trảng Dài");
    }

    [Fact]
    public async Task An_unknown_province_or_district_is_404()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/organisation/provinces/ha-noi/districts");
            s.StatusCodeShouldBe(404);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/organisation/districts/nowhere/communes");
            s.StatusCodeShouldBe(404);
        });
    }
}
