using BhxhPlatform.ServiceDefaults.PersonalData;
using System.Security.Cryptography;
using Alba;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Prospects;

/// <summary>
/// A rotation of the personal-data master key: the service restarted with a new key and the old one as a previous key,
/// every living person's key re-wrapped, after which the old key opens nothing stored and the new one alone reads all.
/// </summary>
[Collection(OutreachCollection.Name)]
public sealed class KeyRotationTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Province = "dong-nai";
    private const string RewrapUrl = $"/api/units/{Province}/personal-data/rewrap";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The key the fixture's service runs with (the one the prospects are recorded under).</summary>
    private static byte[] OldKey => Convert.FromBase64String(TestPersonalData.MasterKey);

    private async Task<List<(Guid Id, string Unit, string Name)>> RecordAsync()
    {
        var people = new List<(Guid, string, string)>();
        foreach (var (unit, name, phone) in new[]
        {
            (District, "Nguyễn Văn Bình", "0912000001"), (District, "Trần Thị Cúc", "0912000002"),
            (District, "Lê Văn Dũng", "0912000003"), (OtherDistrict, "Phạm Thị Én", "0912000004"),
        })
        {
            var id = await fixture.Host.CreateAsync($"/api/units/{unit}/prospects", Prospect(phone) with { FullName = name });
            people.Add((id, unit, name));
        }

        return people;
    }

    private async Task<(Prospect Prospect, PersonKey Key)> StoredAsync(string unit, Guid id)
    {
        await using var session = fixture.Store.QuerySession(unit);
        return ((await session.LoadAsync<Prospect>(id))!, (await session.LoadAsync<PersonKey>(id))!);
    }

    [Fact]
    public async Task After_re_wrapping_with_the_new_key_it_alone_reads_everyone_the_old_opens_nothing_and_erased_stay_erased()
    {
        var people = await RecordAsync();
        var erased = people[2];
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new EraseProspect(ErasureReason.PersonRequested)).ToUrl($"/api/units/{District}/prospects/{erased.Id}/erase");
            s.StatusCodeShouldBe(204);
        });
        var oldId = PersonalDataProtector.IdOf(OldKey);
        (await StoredAsync(District, people[0].Id)).Key.KeyId.ShouldBe(oldId);

        // The service restarted with a new master key, the old one kept as a previous key, and the keys re-wrapped.
        var newKey = RandomNumberGenerator.GetBytes(32);
        var rotated = new PersonalDataProtector(newKey, previousKeys: [OldKey]);
        var directory = fixture.Host.Services.GetRequiredService<OrganisationDirectory>();
        var report = await RewrapPersonKeysEndpoint.Post(Province, fixture.Store, directory, rotated, CancellationToken.None);

        report.KeyId.ShouldBe(PersonalDataProtector.IdOf(newKey));
        report.KeyId.ShouldNotBe(oldId);
        report.Units.ShouldContain(District);
        report.Units.ShouldContain(OtherDistrict);
        (report.Rewrapped, report.Unreadable, report.Remaining).ShouldBe((3, 0, 0));
        (await RewrapPersonKeysEndpoint.Post(Province, fixture.Store, directory, rotated, CancellationToken.None)).Rewrapped.ShouldBe(0);

        var newOnly = new PersonalDataProtector(newKey);
        var oldOnly = new PersonalDataProtector(OldKey);
        foreach (var (id, unit, name) in people.Where(p => p != erased))
        {
            var (prospect, key) = await StoredAsync(unit, id);
            key.KeyId.ShouldBe(report.KeyId);
            ProspectPersonalData.Open(newOnly, prospect, key).FullName.ShouldBe(name);
            ProspectPersonalData.Open(oldOnly, prospect, key).FullName.ShouldBeNull();
        }

        (await StoredAsync(District, erased.Id)).Key.WrappedKey.ShouldBeNull();

        // The service still on the old key (this fixture's) no longer opens the re-wrapped keys: they read as unreadable, not as data.
        (await fixture.Host.GetJsonAsync<ProspectView>($"/api/units/{District}/prospects/{people[0].Id}")).FullName.ShouldBeNull();

        // Duplicates are found across the rotation: the claims' key did not change.
        rotated.ClaimId(District, "phone", "0912000001").ShouldBe(oldOnly.ClaimId(District, "phone", "0912000001"));
    }

    [Fact]
    public async Task Only_a_province_administrator_re_wraps_and_only_for_their_whole_province()
    {
        await RecordAsync();

        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl(RewrapUrl);
            s.StatusCodeShouldBeOk();
        });
        var report = (await result.ReadAsJsonAsync<RewrapReport>())!;
        // The service's own key is the current one: nothing to re-wrap.
        (report.KeyId, report.Rewrapped, report.Remaining).ShouldBe((PersonalDataProtector.IdOf(OldKey), 0, 0));

        await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, District)}");
            s.Post.Json(new { }).ToUrl($"/api/units/{District}/personal-data/rewrap");
            s.StatusCodeShouldBe(403);
        });
        (await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/personal-data/rewrap", new { }))
            .FieldErrors!.ShouldHaveSingleItem().Code.ShouldBe("not-a-province");
        await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.Auditor, Province)}");
            s.Post.Json(new { }).ToUrl(RewrapUrl);
            s.StatusCodeShouldBe(403);
        });
        await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.ProvincialAdministrator, "ha-noi")}");
            s.Post.Json(new { }).ToUrl(RewrapUrl);
            s.StatusCodeShouldBe(403);
        });
    }
}
