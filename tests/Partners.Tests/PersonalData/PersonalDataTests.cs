using System.Security.Cryptography;
using Alba;
using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.Partners.Commendations;
using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static BhxhPlatform.Partners.Tests.Given;

namespace BhxhPlatform.Partners.Tests.PersonalData;

/// <summary>
/// Contact persons, collaborators and commended persons: their details are sealed with a key of each person's own, in
/// events and documents alike, read in clear by the officers and masked for the auditor, and erased by destroying the key.
/// </summary>
[Collection(PartnersCollection.Name)]
public sealed class PersonalDataTests(PartnersFixture fixture) : IAsyncLifetime
{
    private const string Units = $"/api/units/{District}";
    private static readonly string[] Plain =
        [Person.ContactName, Person.ContactPhone, Person.ContactEmail, Person.CollaboratorName, Person.CollaboratorPhone, Person.CommendedName];

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> StoredTextAsync() => StoredRows.TextAsync(fixture.Postgres.ConnectionString);

    private static string Auditor => $"Bearer {TestTokens.For(PlatformRoles.Auditor, TestTokens.Province)}";

    private async Task EraseAsync(string url, int status = 204) => await fixture.Host.Scenario(s =>
    {
        s.Post.Json(new ErasePersonalDetails(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl(url);
        s.StatusCodeShouldBe(status);
    });

    private async Task<PersonKey?> KeyAsync(Guid id)
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.LoadAsync<PersonKey>(id);
    }

    [Fact]
    public async Task No_name_phone_or_email_is_stored_in_clear_yet_officers_read_them_and_the_auditor_sees_them_masked()
    {
        var people = await fixture.Host.PeopleAsync();

        var stored = await StoredTextAsync();
        foreach (var value in Plain)
        {
            stored.ShouldNotContain(value);
        }

        stored.ShouldContain("enc:v1:");

        var contact = (await fixture.Host.GetJsonAsync<PartnerView>($"{Units}/partners/{people.PartnerId}")).Contacts.ShouldHaveSingleItem();
        (contact.Name, contact.Role, contact.Phone, contact.Email, contact.Erased).ShouldBe((Person.ContactName, "Chủ tịch", Person.ContactPhone, Person.ContactEmail, false));
        (await fixture.Host.GetJsonAsync<IReadOnlyList<PartnerView>>($"{Units}/partners")).ShouldHaveSingleItem().Contacts.ShouldHaveSingleItem().Name.ShouldBe(Person.ContactName);
        var collaborator = await fixture.Host.GetJsonAsync<CollaboratorView>($"{Units}/collaborators/{people.CollaboratorId}");
        (collaborator.Name, collaborator.Phone).ShouldBe((Person.CollaboratorName, Person.CollaboratorPhone));
        (await fixture.Host.GetJsonAsync<IReadOnlyList<CollaboratorView>>($"{Units}/collaborators")).ShouldHaveSingleItem().Name.ShouldBe(Person.CollaboratorName);
        (await fixture.Host.GetJsonAsync<IReadOnlyList<CommendationView>>($"{Units}/commendations?year={Today.Year}"))
            .ShouldHaveSingleItem().PersonName.ShouldBe(Person.CommendedName);

        var masked = (await fixture.Host.GetJsonAsync<PartnerView>($"{Units}/partners/{people.PartnerId}", Auditor)).Contacts.ShouldHaveSingleItem();
        (masked.Name, masked.Phone, masked.Email).ShouldBe(("P. T. K. L.", "•••011", "•••@hoiphunu.vn"));
        var maskedCollaborator = await fixture.Host.GetJsonAsync<CollaboratorView>($"{Units}/collaborators/{people.CollaboratorId}", Auditor);
        (maskedCollaborator.Name, maskedCollaborator.Phone).ShouldBe(("Q. V. T.", "•••022"));
        (await fixture.Host.GetJsonAsync<CommendationView>($"{Units}/commendations/{people.CommendationId}", Auditor)).PersonName.ShouldBe("L. T. T. H.");
    }

    [Fact]
    public async Task Erasing_a_contact_a_collaborator_and_a_commended_person_destroys_their_keys_and_the_reads_show_them_erased()
    {
        var people = await fixture.Host.PeopleAsync();
        var events = await fixture.Store.EventCountAsync();

        await EraseAsync($"{Units}/partners/{people.PartnerId}/contacts/{people.ContactId}/erase");
        await EraseAsync($"{Units}/collaborators/{people.CollaboratorId}/erase");
        await EraseAsync($"{Units}/commendations/{people.CommendationId}/person/erase");
        (await fixture.Store.EventCountAsync()).ShouldBe(events + 3);

        foreach (var id in new[] { people.ContactId, people.CollaboratorId, people.CommendationId })
        {
            var key = (await KeyAsync(id)).ShouldNotBeNull();
            key.WrappedKey.ShouldBeNull();
            key.ErasedAt.ShouldNotBeNull();
        }

        var contact = (await fixture.Host.GetJsonAsync<PartnerView>($"{Units}/partners/{people.PartnerId}")).Contacts.ShouldHaveSingleItem();
        (contact.Name, contact.Phone, contact.Email, contact.Erased, contact.Role).ShouldBe((null, null, null, true, "Chủ tịch"));
        var collaborator = await fixture.Host.GetJsonAsync<CollaboratorView>($"{Units}/collaborators/{people.CollaboratorId}");
        (collaborator.Name, collaborator.Phone, collaborator.Erased, collaborator.CommuneIds.Count).ShouldBe((null, null, true, 1));
        var commendation = await fixture.Host.GetJsonAsync<CommendationView>($"{Units}/commendations/{people.CommendationId}");
        (commendation.PersonName, commendation.PersonErased, commendation.Withdrawn).ShouldBe((null, true, false));

        // Nothing readable is left: the documents hold no sealed value of them any more, and the events' cannot be opened.
        var stored = await StoredTextAsync();
        foreach (var value in Plain)
        {
            stored.ShouldNotContain(value);
        }

        var protector = fixture.Host.Services.GetRequiredService<PersonalDataProtector>();
        await using (var session = fixture.Store.QuerySession(District))
        {
            var added = (await session.Events.QueryRawEventDataOnly<PartnerContactAdded>().ToListAsync()).ShouldHaveSingleItem();
            protector.Open(await session.LoadAsync<PersonKey>(people.ContactId), added.Contact.Name, PersonalDetails.ContactName).ShouldBeNull();
            (await session.LoadAsync<Partner>(people.PartnerId))!.Contacts.ShouldHaveSingleItem().Name.ShouldBeNull();
            (await session.LoadAsync<Collaborator>(people.CollaboratorId))!.Phone.ShouldBeNull();
            (await session.LoadAsync<Commendation>(people.CommendationId))!.PersonName.ShouldBeNull();
            (await session.Events.QueryRawEventDataOnly<CollaboratorErased>().ToListAsync()).ShouldHaveSingleItem().Reason.ShouldBe(ErasureReason.PersonRequested);
        }

        // A second erasure is harmless: 204 and nothing appended.
        await EraseAsync($"{Units}/partners/{people.PartnerId}/contacts/{people.ContactId}/erase");
        await EraseAsync($"{Units}/collaborators/{people.CollaboratorId}/erase");
        await EraseAsync($"{Units}/commendations/{people.CommendationId}/person/erase");
        (await fixture.Store.EventCountAsync()).ShouldBe(events + 3);
    }

    [Fact]
    public async Task A_removed_contact_can_still_be_erased_and_each_erasure_carries_who_and_when()
    {
        var people = await fixture.Host.PeopleAsync();
        await fixture.Host.PostOkAsync($"{Units}/partners/{people.PartnerId}/contacts/{people.ContactId}/remove", new RemovePartnerContact(2));

        await EraseAsync($"{Units}/partners/{people.PartnerId}/contacts/{people.ContactId}/erase");

        (await KeyAsync(people.ContactId))!.WrappedKey.ShouldBeNull();
        await using var session = fixture.Store.QuerySession(District);
        var erased = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "partner_contact_erased").ToListAsync()).ShouldHaveSingleItem();
        erased.TenantId.ShouldBe(District);
        erased.UserName.ShouldNotBeNullOrEmpty();
        ((PartnerContactErased)erased.Data).ContactId.ShouldBe(people.ContactId);
    }

    [Fact]
    public async Task An_erasure_without_a_valid_reason_or_of_no_one_is_refused_and_appends_nothing()
    {
        var people = await fixture.Host.PeopleAsync();
        var events = await fixture.Store.EventCountAsync();
        var partnerOnly = await fixture.Host.CreateAsync($"{Units}/commendations", new AwardCommendation(Today.Year, people.PartnerId, null, "Phối hợp tốt", Today));
        events++;

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Units}/collaborators/{people.CollaboratorId}/erase", new { reason = (string?)null });
        var error = problem.FieldErrors.ShouldNotBeNull().ShouldHaveSingleItem();
        (error.Field, error.Code).ShouldBe(("reason", "required"));
        error.Vi.ShouldNotBeNullOrEmpty();
        error.En.ShouldNotBeNullOrEmpty();
        (await fixture.Host.PostExpectingProblemAsync($"{Units}/partners/{people.PartnerId}/contacts/{people.ContactId}/erase", new { }))
            .Fields.ShouldBe(["reason"]);
        await fixture.Host.PostExpectingProblemAsync($"{Units}/partners/{people.PartnerId}/contacts/{Guid.CreateVersion7()}/erase",
            new ErasePersonalDetails(ErasureReason.PersonRequested), 404);
        await fixture.Host.PostExpectingProblemAsync($"{Units}/commendations/{partnerOnly}/person/erase",
            new ErasePersonalDetails(ErasureReason.PersonRequested), 422);

        (await fixture.Store.EventCountAsync()).ShouldBe(events);
        (await KeyAsync(people.CollaboratorId))!.WrappedKey.ShouldNotBeNull();
        (await KeyAsync(people.ContactId))!.WrappedKey.ShouldNotBeNull();
    }

    [Fact]
    public async Task After_a_rotation_the_keys_are_re_wrapped_with_the_new_master_key_which_alone_then_reads_them()
    {
        var people = await fixture.Host.PeopleAsync();
        await EraseAsync($"{Units}/commendations/{people.CommendationId}/person/erase");
        var oldKey = Convert.FromBase64String(TestPersonalData.MasterKey);
        var newKey = RandomNumberGenerator.GetBytes(32);
        var rotated = new PersonalDataProtector(newKey, previousKeys: [oldKey]);
        var directory = fixture.Host.Services.GetRequiredService<OrganisationDirectory>();

        var report = await RewrapPersonKeysEndpoint.Post(TestTokens.Province, fixture.Store, directory, rotated, CancellationToken.None);

        (report.KeyId, report.Rewrapped, report.Unreadable, report.Remaining).ShouldBe((PersonalDataProtector.IdOf(newKey), 2, 0, 0));
        (await RewrapPersonKeysEndpoint.Post(TestTokens.Province, fixture.Store, directory, rotated, CancellationToken.None)).Rewrapped.ShouldBe(0);
        (await KeyAsync(people.CommendationId))!.WrappedKey.ShouldBeNull();

        var newOnly = new PersonalDataProtector(newKey);
        var oldOnly = new PersonalDataProtector(oldKey);
        await using var session = fixture.Store.QuerySession(District);
        var collaborator = (await session.LoadAsync<Collaborator>(people.CollaboratorId))!;
        var key = (await session.LoadAsync<PersonKey>(people.CollaboratorId))!;
        key.KeyId.ShouldBe(report.KeyId);
        newOnly.Open(key, collaborator.Name, PersonalDetails.CollaboratorName).ShouldBe(Person.CollaboratorName);
        oldOnly.Open(key, collaborator.Name, PersonalDetails.CollaboratorName).ShouldBeNull();
        var contact = (await session.LoadAsync<Partner>(people.PartnerId))!.Contacts.ShouldHaveSingleItem();
        newOnly.Open(await session.LoadAsync<PersonKey>(people.ContactId), contact.Email, PersonalDetails.ContactEmail).ShouldBe(Person.ContactEmail);
    }

    [Fact]
    public async Task Only_a_province_administrator_re_wraps_and_only_for_a_whole_province()
    {
        await fixture.Host.PeopleAsync();
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl($"/api/units/{TestTokens.Province}/personal-data/rewrap");
            s.StatusCodeShouldBeOk();
        });
        var report = (await result.ReadAsJsonAsync<RewrapReport>())!;
        (report.Rewrapped, report.Remaining).ShouldBe((0, 0));

        (await fixture.Host.PostExpectingProblemAsync($"{Units}/personal-data/rewrap", new { })).FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("not-a-province");
        await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District)}");
            s.Post.Json(new { }).ToUrl($"{Units}/personal-data/rewrap");
            s.StatusCodeShouldBe(403);
        });
    }

    [Theory]
    [InlineData("ErasePartnerContact")]
    [InlineData("EraseCollaborator")]
    [InlineData("EraseCommendedPerson")]
    public void Erasures_are_for_the_province_administrator_and_the_district_officer_only(string operation)
    {
        var rules = AccessMatrix.Embedded().RulesFor(Contracts.ServiceNames.Partners, operation).ShouldNotBeNull();
        rules.Keys.ShouldBe([PlatformRoles.ProvincialAdministrator, PlatformRoles.DistrictOfficer], ignoreOrder: true);
        rules[PlatformRoles.DistrictOfficer].ShouldBe(AccessScope.Unit);
    }

    [Fact]
    public void Re_wrapping_is_for_the_province_administrator_only()
    {
        var rules = AccessMatrix.Embedded().RulesFor(Contracts.ServiceNames.Partners, "RewrapPersonKeys").ShouldNotBeNull();
        rules.Keys.ShouldBe([PlatformRoles.ProvincialAdministrator]);
    }
}
