using Alba;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Employers;
using BhxhPlatform.TestSupport;
using Marten;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Employers;

[Collection(OutreachCollection.Name)]
public sealed class EmployerTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Disclosures = $"/api/units/{District}/employer-disclosures";
    private const string Praises = $"/api/units/{District}/employer-praises";
    private static readonly DateOnly Day = new(2026, 11, 10);

    private static readonly DiscloseEmployer Late = new(
        "Công ty TNHH May mặc Đồng Tiến", "3600123456", 1_250_000_000, 7, MediaPlatform.Newspaper, "https://baodongnai.com.vn/no-bhxh", Day);

    private static readonly PraiseEmployer Good = new(
        "Công ty CP Gỗ Tân Mai", "3600654321-001", "Đóng đủ, đúng hạn 10 năm liền", MediaPlatform.Website, "https://bhxhdongnai.gov.vn/bieu-duong", Day);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> EventCount()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Events.CommandEvents().CountAsync();
    }

    [Fact]
    public async Task A_disclosed_employer_is_listed_until_the_disclosure_is_withdrawn_when_it_pays()
    {
        var id = await fixture.Host.CreateAsync(Disclosures, Late);
        (await fixture.Host.GetJsonAsync<List<EmployerDisclosure>>(Disclosures)).Select(d => d.TaxCode).ShouldBe(["3600123456"]);

        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new WithdrawDisclosure(1, Day.AddDays(5), "Đã đóng đủ tiền nợ"), JsonStyle.MinimalApi).ToUrl($"{Disclosures}/{id}/withdrawal");
            s.StatusCodeShouldBe(202);
        });

        (await fixture.Host.GetJsonAsync<List<EmployerDisclosure>>(Disclosures)).ShouldBeEmpty();
        var withdrawn = await fixture.Host.GetJsonAsync<EmployerDisclosure>($"{Disclosures}/{id}");
        withdrawn.ShouldSatisfyAllConditions(d => d.Withdrawn.ShouldBeTrue(), d => d.PaidOn.ShouldBe(Day.AddDays(5)), d => d.AmountOwedVnd.ShouldBe(1_250_000_000));
        (await fixture.Host.GetJsonAsync<List<EmployerDisclosure>>($"{Disclosures}?includeWithdrawn=true")).Count.ShouldBe(1);

        var again = await fixture.Host.PostExpectingProblemAsync($"{Disclosures}/{id}/withdrawal", new WithdrawDisclosure(2, Day.AddDays(5), "Lần nữa"), 409);
        again.Type.ShouldBe("https://bhxh.gov.vn/problems/disclosure-withdrawn");
        (await EventCount()).ShouldBe(2);
    }

    [Fact]
    public async Task A_withdrawal_needs_a_reason_and_a_payment_date_not_in_the_future()
    {
        var id = await fixture.Host.CreateAsync(Disclosures, Late);

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Disclosures}/{id}/withdrawal",
            new WithdrawDisclosure(1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), ""));

        problem.Fields.ShouldBe(["reason", "paidOn"], ignoreOrder: true);
        (await EventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task A_compliant_employer_is_praised()
    {
        var id = await fixture.Host.CreateAsync(Praises, Good);

        (await fixture.Host.GetJsonAsync<List<EmployerPraise>>(Praises)).ShouldBe([
            new EmployerPraise(id, "Công ty CP Gỗ Tân Mai", "3600654321-001", "Đóng đủ, đúng hạn 10 năm liền", MediaPlatform.Website, "https://bhxhdongnai.gov.vn/bieu-duong", Day)]);
    }

    public static TheoryData<string, DiscloseEmployer, string[]> InvalidDisclosures() => new()
    {
        { "no name", Late with { EmployerName = "" }, ["employerName"] },
        { "name too long", Late with { EmployerName = new string('a', 301) }, ["employerName"] },
        { "no tax code", Late with { TaxCode = "" }, ["taxCode"] },
        { "tax code of nine digits", Late with { TaxCode = "360012345" }, ["taxCode"] },
        { "tax code with bad branch", Late with { TaxCode = "3600123456-01" }, ["taxCode"] },
        { "nothing owed", Late with { AmountOwedVnd = 0 }, ["amountOwedVnd"] },
        { "negative amount", Late with { AmountOwedVnd = -5 }, ["amountOwedVnd"] },
        { "not overdue", Late with { MonthsOverdue = 0 }, ["monthsOverdue"] },
        { "no channel", Late with { Channel = null }, ["channel"] },
        { "relative link", Late with { Link = "bao/no-bhxh" }, ["link"] },
        { "no link", Late with { Link = "" }, ["link"] },
        { "no date", Late with { PublishedOn = default }, ["publishedOn"] },
        { "future date", Late with { PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }, ["publishedOn"] },
    };

    [Theory]
    [MemberData(nameof(InvalidDisclosures))]
    public async Task Invalid_disclosures_are_refused(string because, DiscloseEmployer command, string[] fields)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Disclosures, command);

        problem.Fields.Distinct().ShouldBe(fields, ignoreOrder: true, because);
        (await EventCount()).ShouldBe(0);
    }

    public static TheoryData<string, PraiseEmployer, string[]> InvalidPraises() => new()
    {
        { "no name", Good with { EmployerName = " " }, ["employerName"] },
        { "bad tax code", Good with { TaxCode = "MST-1" }, ["taxCode"] },
        { "no reason", Good with { Reason = "" }, ["reason"] },
        { "no channel", Good with { Channel = null }, ["channel"] },
        { "mailto link", Good with { Link = "mailto:a@b.vn" }, ["link"] },
        { "future date", Good with { PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) }, ["publishedOn"] },
    };

    [Theory]
    [MemberData(nameof(InvalidPraises))]
    public async Task Invalid_praises_are_refused(string because, PraiseEmployer command, string[] fields)
    {
        var problem = await fixture.Host.PostExpectingProblemAsync(Praises, command);

        problem.Fields.Distinct().ShouldBe(fields, ignoreOrder: true, because);
        (await EventCount()).ShouldBe(0);
    }
}
