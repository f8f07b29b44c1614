using BhxhPlatform.Contracts;
using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.Partners.Commendations;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.Commendations;

[Collection(PartnersCollection.Name)]
public sealed class CommendationTests(PartnersFixture fixture) : IAsyncLifetime
{
    private static readonly string Url = $"/api/units/{District}/commendations";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Partners_and_people_are_commended_per_year()
    {
        var partner = await fixture.Host.PartnerAsync();
        var year = Today.Year - 1;

        var unit = await fixture.Host.CreateAsync(Url, new AwardCommendation(year, partner, null, "Phối hợp tốt phát triển BHXH tự nguyện", new DateOnly(year, 12, 20)));
        var person = await fixture.Host.CreateAsync(Url, new AwardCommendation(year, null, "Nguyễn Văn Bình", "Trưởng ấp tiêu biểu", new DateOnly(year, 12, 10)));
        await fixture.Host.CreateAsync(Url, new AwardCommendation(year - 1, null, "Lê Thị Cúc", "Cộng tác viên", new DateOnly(year - 1, 12, 10)));

        var commendation = await fixture.Host.GetJsonAsync<Commendation>($"{Url}/{unit}");
        commendation.PartnerId.ShouldBe(partner);
        commendation.Reason.ShouldBe("Phối hợp tốt phát triển BHXH tự nguyện");
        (await fixture.Host.GetJsonAsync<List<Commendation>>($"{Url}?year={year}")).Select(c => c.Id).ShouldBe([person, unit]);
    }

    [Fact]
    public async Task A_withdrawn_commendation_no_longer_counts()
    {
        var year = Today.Year;
        var id = await fixture.Host.CreateAsync(Url, new AwardCommendation(year, null, "Nguyễn Văn Bình", "Ghi nhầm", Today));

        await fixture.Host.PostOkAsync($"{Url}/{id}/withdraw", new WithdrawCommendation(1, "Ghi nhầm người"));

        (await fixture.Host.GetJsonAsync<List<Commendation>>($"{Url}?year={year}")).ShouldBeEmpty();
        (await fixture.Host.GetJsonAsync<Commendation>($"{Url}/{id}")).WithdrawalReason.ShouldBe("Ghi nhầm người");
        (await fixture.Host.PostProblemAsync($"{Url}/{id}/withdraw", new WithdrawCommendation(2, "Lần nữa"), 409)).Type.ShouldEndWith("commendation-withdrawn");
        await fixture.Host.PostProblemAsync($"{Url}/{id}/withdraw", new WithdrawCommendation(1, "Cũ"), 409);
        (await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/withdraw", new WithdrawCommendation(2, ""))).Fields.ShouldBe(["reason"]);
    }

    [Fact]
    public async Task Awards_and_withdrawals_are_announced_to_planning_without_the_persons_name_or_the_reasons()
    {
        var partner = await fixture.Host.PartnerAsync();
        var awardedOn = Today.AddDays(-3);

        Guid unit = default, person = default;
        var awarded = await fixture.Host.SentDuringAsync(async () =>
        {
            unit = await fixture.Host.CreateAsync(Url, new AwardCommendation(Today.Year, partner, null, "Phối hợp tốt", awardedOn));
            person = await fixture.Host.CreateAsync(Url, new AwardCommendation(Today.Year, null, "Nguyễn Văn Bình", "Trưởng ấp tiêu biểu", Today));
        });
        var withdrawn = await fixture.Host.SentDuringAsync(() =>
            fixture.Host.PostOkAsync($"{Url}/{person}/withdraw", new WithdrawCommendation(1, "Ghi nhầm người")));
        var rejected = await fixture.Host.SentDuringAsync(() =>
            fixture.Host.PostProblemAsync($"{Url}/{person}/withdraw", new WithdrawCommendation(2, "Lần nữa"), 409));

        awarded.To(ServiceNames.Planning).Select(e => e.Message).ShouldBe(
            [new CommendationConferred(unit, Today.Year, partner, awardedOn), new CommendationConferred(person, Today.Year, null, Today)]);
        withdrawn.To(ServiceNames.Planning).Select(e => e.Message).ShouldBe([new CommendationRevoked(person)]);
        awarded.Concat(withdrawn).ShouldAllBe(e => e.TenantId == District);
        rejected.ShouldBeEmpty(); // a rejected withdrawal announces nothing
    }

    [Fact]
    public async Task A_commendation_names_a_partner_or_a_person_with_a_reason_year_and_date()
    {
        var partner = await fixture.Host.PartnerAsync();

        (await fixture.Host.PostExpectingProblemAsync(Url, new AwardCommendation(null, null, null, "", null)))
            .Fields.ShouldBe(["partnerId", "reason", "year", "awardedOn"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(Url, new AwardCommendation(Today.Year, partner, "Bình", "Tốt", Today)))
            .Fields.ShouldBe(["partnerId"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new AwardCommendation(1999, null, new string('n', 201), "Tốt", Today.AddDays(1))))
            .Fields.ShouldBe(["personName", "year", "awardedOn"], ignoreOrder: true);
        (await fixture.Host.PostExpectingProblemAsync(Url, new AwardCommendation(Today.Year, null, "Bình", "Tốt", new DateOnly(Today.Year - 1, 1, 1))))
            .Fields.ShouldBe(["awardedOn"]);
        (await fixture.Host.PostExpectingProblemAsync(Url, new AwardCommendation(Today.Year, Guid.NewGuid(), null, "Tốt", Today)))
            .FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("unknown-partner");
        (await fixture.Store.EventCountAsync()).ShouldBe(1);
    }
}
