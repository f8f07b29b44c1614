using Alba;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Prospects;

/// <summary>Every read of a prospect's personal data in clear is logged with who, when, whose and why; auditors list it and see contacts masked.</summary>
[Collection(OutreachCollection.Name)]
public sealed class PersonalDataReadLogTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/prospects";
    private const string Officer = "officer.bien-hoa";
    private static readonly string Auditor = $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province, "kiem.toan")}";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<PersonalDataReadPage> LogAsync(string query = "") => fixture.Host.GetJsonAsync<PersonalDataReadPage>(
        $"/api/units/{District}/personal-data-reads{query}", Auditor);

    [Fact]
    public async Task An_officers_read_of_a_prospect_and_of_the_list_is_logged_with_who_whose_and_purpose_and_listed_for_the_auditor()
    {
        var id = await fixture.Host.CreateAsync(Url, Prospect() with { FullName = "Nguyễn Văn An", Email = "an@example.vn" });
        var officer = $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District, Officer)}";
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var opened = await fixture.Host.GetJsonAsync<ProspectView>($"{Url}/{id}", officer);
        opened.FullName.ShouldBe("Nguyễn Văn An");
        await fixture.Host.GetJsonAsync<List<ProspectView>>(Url, officer);

        var page = await LogAsync($"?from={Uri.EscapeDataString(before.ToString("O"))}");
        page.NextAfterSequence.ShouldBeNull();
        page.Entries.Count.ShouldBe(2);
        page.Entries.ShouldAllBe(e => e.UserName == Officer && e.Role == PlatformRoles.DistrictOfficer && e.ProspectIds.Single() == id);
        page.Entries.Select(e => e.Purpose).ShouldBe([PersonalDataPurposes.CaseWork, PersonalDataPurposes.ListWork]);
        page.Entries[0].At.ShouldBeGreaterThanOrEqualTo(before);

        (await LogAsync($"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}")).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_worklists_that_show_people_in_clear_log_each_read_with_their_own_purpose()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var id = await fixture.Host.CreateAsync(Url, Prospect() with { NextContactOn = today.AddDays(1) });
        await fixture.Host.CreateAsync($"/api/units/{District}/enrolments",
            new RecordEnrolment(EnrolmentScheme.HouseholdHealthInsurance, today.AddMonths(-11), ProspectId: id, CoverageEndsOn: today.AddDays(5)));
        var officer = $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District, Officer)}";

        (await fixture.Host.GetJsonAsync<FollowUpList>($"/api/units/{District}/worklists/follow-ups", officer)).Items.ShouldHaveSingleItem();
        (await fixture.Host.GetJsonAsync<CardRenewalList>($"/api/units/{District}/worklists/renewals", officer)).Items.ShouldHaveSingleItem();

        var page = await LogAsync();
        page.Entries.Select(e => e.Purpose).ShouldBe([PersonalDataPurposes.FollowUpWork, PersonalDataPurposes.CardRenewalWork]);
        page.Entries.ShouldAllBe(e => e.UserName == Officer && e.ProspectIds.Single() == id);
    }

    [Fact]
    public async Task The_auditor_sees_contacts_masked_and_the_masked_read_is_not_logged_as_a_disclosure()
    {
        var id = await fixture.Host.CreateAsync(Url, Prospect("0912345678") with { FullName = "Nguyễn Văn An", Email = "an@example.vn" });

        var masked = await fixture.Host.GetJsonAsync<ProspectView>($"{Url}/{id}", Auditor);
        masked.FullName.ShouldBe("N. V. A.");
        masked.Contact!.Phone.ShouldBe("•••678");
        masked.Contact.Email.ShouldBe("•••@example.vn");
        (await fixture.Host.GetJsonAsync<List<ProspectView>>(Url, Auditor))
            .ShouldHaveSingleItem().FullName.ShouldBe("N. V. A.");

        (await LogAsync()).Entries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PlatformRoles.ProvincialAdministrator, TestTokens.Province)]
    [InlineData(PlatformRoles.DistrictOfficer, District)]
    [InlineData(PlatformRoles.CollectionAgent, District)]
    public async Task Only_the_auditor_lists_the_read_log(string role, string unit)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{District}/personal-data-reads");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, unit)}");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task A_bad_page_size_is_named_field_by_field()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"/api/units/{District}/personal-data-reads?limit=0");
            s.WithRequestHeader("Authorization", Auditor);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }
}
