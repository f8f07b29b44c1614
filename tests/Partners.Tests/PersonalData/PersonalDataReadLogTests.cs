using Alba;
using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.Partners.Commendations;
using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.PersonalData;

/// <summary>
/// Every read of a contact person, a collaborator or a commended person in clear is logged with who, when, whose and why;
/// the auditor lists the log, and the auditor's own masked reads are not disclosures.
/// </summary>
[Collection(PartnersCollection.Name)]
public sealed class PersonalDataReadLogTests(PartnersFixture fixture) : IAsyncLifetime
{
    private const string Units = $"/api/units/{District}";
    private const string Officer = "officer.bien-hoa";
    private static readonly string OfficerToken = $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District, Officer)}";
    private static readonly string Auditor = $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province, "kiem.toan")}";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<PersonalDataReadPage> LogAsync(string query = "") =>
        fixture.Host.GetJsonAsync<PersonalDataReadPage>($"{Units}/personal-data-reads{query}", Auditor);

    [Fact]
    public async Task An_officers_reads_of_contacts_collaborators_and_commended_persons_are_logged_with_who_whose_and_purpose()
    {
        var (partner, contact, collaborator, commendation) = await fixture.Host.PeopleAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        (await fixture.Host.GetJsonAsync<PartnerView>($"{Units}/partners/{partner}", OfficerToken)).Contacts.Single().Name.ShouldBe(Person.ContactName);
        await fixture.Host.GetJsonAsync<List<PartnerView>>($"{Units}/partners", OfficerToken);
        (await fixture.Host.GetJsonAsync<CollaboratorView>($"{Units}/collaborators/{collaborator}", OfficerToken)).Name.ShouldBe(Person.CollaboratorName);
        await fixture.Host.GetJsonAsync<List<CollaboratorView>>($"{Units}/collaborators", OfficerToken);
        (await fixture.Host.GetJsonAsync<CommendationView>($"{Units}/commendations/{commendation}", OfficerToken)).PersonName.ShouldBe(Person.CommendedName);
        await fixture.Host.GetJsonAsync<List<CommendationView>>($"{Units}/commendations?year={Today.Year}", OfficerToken);

        var page = await LogAsync($"?from={Uri.EscapeDataString(before.ToString("O"))}");
        page.NextAfterSequence.ShouldBeNull();
        page.Entries.Select(e => (e.Purpose, e.PersonIds.Single())).ShouldBe([
            (PersonalDataPurposes.PartnerContactWork, contact), (PersonalDataPurposes.PartnerContactWork, contact),
            (PersonalDataPurposes.CollaboratorWork, collaborator), (PersonalDataPurposes.CollaboratorWork, collaborator),
            (PersonalDataPurposes.CommendationWork, commendation), (PersonalDataPurposes.CommendationWork, commendation)]);
        page.Entries.ShouldAllBe(e => e.UserName == Officer && e.Role == PlatformRoles.DistrictOfficer && e.At >= before);

        // The log holds ids, never the details themselves.
        var stored = await StoredRows.TextAsync(fixture.Postgres.ConnectionString);
        stored.ShouldContain(contact.ToString());
        stored.ShouldNotContain(Person.ContactName);

        (await LogAsync("?limit=4")).NextAfterSequence.ShouldBe(page.Entries[3].Sequence);
        (await LogAsync($"?afterSequence={page.Entries[3].Sequence}")).Entries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_auditors_masked_reads_and_reads_of_erased_people_are_not_logged_as_disclosures()
    {
        var (partner, contact, collaborator, _) = await fixture.Host.PeopleAsync();

        (await fixture.Host.GetJsonAsync<PartnerView>($"{Units}/partners/{partner}", Auditor)).Contacts.Single().Name.ShouldBe("P. T. K. L.");
        await fixture.Host.GetJsonAsync<List<CollaboratorView>>($"{Units}/collaborators", Auditor);
        await fixture.Host.GetJsonAsync<List<CommendationView>>($"{Units}/commendations?year={Today.Year}", Auditor);
        (await LogAsync()).Entries.ShouldBeEmpty();

        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ErasePersonalDetails(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl($"{Units}/partners/{partner}/contacts/{contact}/erase");
            s.StatusCodeShouldBe(204);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new ErasePersonalDetails(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl($"{Units}/collaborators/{collaborator}/erase");
            s.StatusCodeShouldBe(204);
        });
        (await fixture.Host.GetJsonAsync<PartnerView>($"{Units}/partners/{partner}", OfficerToken)).Contacts.Single().Erased.ShouldBeTrue();
        (await fixture.Host.GetJsonAsync<CollaboratorView>($"{Units}/collaborators/{collaborator}", OfficerToken)).Erased.ShouldBeTrue();
        (await LogAsync()).Entries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PlatformRoles.ProvincialAdministrator, TestTokens.Province)]
    [InlineData(PlatformRoles.DistrictOfficer, District)]
    [InlineData(PlatformRoles.Partner, District)]
    public async Task Only_the_auditor_lists_the_read_log(string role, string unit)
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"{Units}/personal-data-reads");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(role, unit)}");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task A_bad_page_is_named_field_by_field()
    {
        var problem = await fixture.Host.Scenario(s =>
        {
            s.Get.Url($"{Units}/personal-data-reads?limit=0&afterSequence=-1");
            s.WithRequestHeader("Authorization", Auditor);
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var text = await problem.ReadAsTextAsync();
        text.ShouldContain("\"limit\"");
        text.ShouldContain("\"afterSequence\"");
    }
}
