using BhxhPlatform.ServiceDefaults.PersonalData;
using Alba;
using BhxhPlatform.Outreach.HandOffs;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults.Audit;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using Marten;
using Npgsql;
using Wolverine.Http;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Prospects;

[Collection(OutreachCollection.Name)]
public sealed class PersonalDataTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/prospects";
    private const string Name = "Nguyen Van Bao Mat";
    private const string Phone = "0912345678";
    private const string Email = "bao.mat@example.vn";
    private const string CitizenId = "079203001234";
    private const string Address = "So 12 duong Pham Van Thuan";

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static RecordProspect Person(string phone = Phone, string? citizenId = CitizenId) =>
        Prospect(phone, citizenId) with { FullName = Name, Email = Email, Address = Address };

    /// <summary>Every stored row that could hold a prospect's data: events, prospects, keys, claims, streams.</summary>
    private async Task<string> RawRowsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_schema || '.' || table_name from information_schema.tables "
            + "where table_name in ('mt_events', 'mt_streams', 'mt_doc_prospect', 'mt_doc_personkey', 'mt_doc_prospectcontactkey')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain(t => t.EndsWith(".mt_doc_prospect", StringComparison.Ordinal));
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select row_to_json(t)::text from {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }

    private Task<ProspectView> ReadAsync(Guid id) => fixture.Host.GetJsonAsync<ProspectView>($"{Url}/{id}");

    private Task<IScenarioResult> EraseAsync(Guid id, int status = 204) => fixture.Host.Scenario(s =>
    {
        s.Post.Json(new EraseProspect(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/erase");
        s.StatusCodeShouldBe(status);
    });

    /// <summary>The unit's events but the personal-data read log (every read in clear adds one).</summary>
    private async Task<int> EventCount()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != ListPersonalDataReadsEndpoint.EventType).CountAsync();
    }

    [Fact]
    public async Task Personal_data_is_stored_only_as_ciphertext_and_reads_back_in_clear()
    {
        var id = await fixture.Host.CreateAsync(Url, Person());

        var raw = await RawRowsAsync();
        raw.ShouldContain(id.ToString());
        raw.ShouldContain("enc:v1:");
        foreach (var secret in new[] { Name, "Nguyen", Phone, "912345678", Email, CitizenId, Address, "Pham Van Thuan" })
        {
            raw.ShouldNotContain(secret, Case.Insensitive);
        }

        var prospect = await ReadAsync(id);
        prospect.Erased.ShouldBeFalse();
        prospect.FullName.ShouldBe(Name);
        prospect.Contact.ShouldBe(new ContactDetails(Address, Phone, Phone, Email));
        prospect.CitizenId.ShouldBe(CitizenId);
        (await fixture.Host.GetJsonAsync<List<ProspectView>>(Url)).ShouldHaveSingleItem().FullName.ShouldBe(Name);
    }

    [Fact]
    public async Task Erasure_destroys_the_key_so_reads_show_erased_while_counts_conversion_and_the_audit_chain_stay()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => fixture.Host.CreateAsync(Url, Person($"09876543{i:00}", null))));
        await fixture.Host.CreateAsync($"/api/units/{District}/hand-offs", new HandOffProspects(CollectionOrganisation, ids[..2], new DateOnly(2026, 11, 10)));
        var pipelineBefore = await fixture.Host.GetJsonAsync<ProspectPipeline>($"/api/units/{District}/prospect-pipeline");
        var before = await ReadAsync(ids[0]);
        string RecordedEvent(string raw) => raw.Split('\n').Single(l => l.Contains("prospect_recorded", StringComparison.Ordinal) && l.Contains(ids[0].ToString(), StringComparison.Ordinal));
        var recordedBefore = RecordedEvent(await RawRowsAsync());
        var eventsBefore = await EventCount();

        await EraseAsync(ids[0]);

        var erased = await ReadAsync(ids[0]);
        erased.ShouldSatisfyAllConditions(
            p => p.Erased.ShouldBeTrue(),
            p => p.FullName.ShouldBeNull(),
            p => p.Contact.ShouldBeNull(),
            p => p.CitizenId.ShouldBeNull(),
            p => p.ErasedAt.ShouldNotBeNull(),
            p => p.Status.ShouldBe(before.Status),
            p => p.Scheme.ShouldBe(before.Scheme),
            p => p.CollectionOrganisationId.ShouldBe(CollectionOrganisation));
        (await ReadAsync(ids[1])).FullName.ShouldBe(Name);
        (await fixture.Host.GetJsonAsync<List<ProspectView>>(Url)).Count(p => p.Erased).ShouldBe(1);

        var pipelineAfter = await fixture.Host.GetJsonAsync<ProspectPipeline>($"/api/units/{District}/prospect-pipeline");
        pipelineAfter.ByStatus.ShouldBe(pipelineBefore.ByStatus);
        pipelineAfter.ByOrganisation.ShouldBe(pipelineBefore.ByOrganisation);

        // The events are untouched (the recorded one still holds its ciphertext, byte for byte) and the chain verifies.
        var raw = await RawRowsAsync();
        RecordedEvent(raw).ShouldBe(recordedBefore);
        (await EventCount()).ShouldBe(eventsBefore + 2);
        var report = await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{District}/audit/verify");
        report.Intact.ShouldBeTrue();
        report.Broken.ShouldBeEmpty();
        (await fixture.Host.GetJsonAsync<RebuildReport>($"/api/units/{District}/audit/rebuild-check")).Matches.ShouldBeTrue();

        await using var session = fixture.Store.QuerySession(District);
        var key = await session.LoadAsync<PersonKey>(ids[0]);
        key.ShouldNotBeNull().WrappedKey.ShouldBeNull();
        (await session.LoadAsync<PersonKey>(ids[1])).ShouldNotBeNull().WrappedKey.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_second_erasure_is_harmless()
    {
        var id = await fixture.Host.CreateAsync(Url, Person());
        await EraseAsync(id);
        var events = await EventCount();

        await EraseAsync(id);

        (await EventCount()).ShouldBe(events);
        (await ReadAsync(id)).Erased.ShouldBeTrue();
        (await fixture.Host.GetJsonAsync<ChainReport>($"/api/units/{District}/audit/verify")).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Duplicates_are_still_refused_per_district_and_erasure_releases_the_claims()
    {
        var first = await fixture.Host.CreateAsync(Url, Person());
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Person(), JsonStyle.MinimalApi).ToUrl(Url);
            s.StatusCodeShouldBe(409);
        });
        await fixture.Host.CreateAsync($"/api/units/{OtherDistrict}/prospects", Person());

        await EraseAsync(first);

        var again = await fixture.Host.CreateAsync(Url, Person());
        again.ShouldNotBe(first);
        (await ReadAsync(again)).Contact!.Phone.ShouldBe(Phone);
        var duplicate = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Person(), JsonStyle.MinimalApi).ToUrl(Url);
            s.StatusCodeShouldBe(409);
        });
        (await duplicate.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["existingProspectId"].GetGuid().ShouldBe(again);
    }

    [Fact]
    public async Task A_person_recorded_again_after_erasure_claims_streams_of_its_own_so_no_claim_links_the_erased_prospect_to_the_new()
    {
        var first = await fixture.Host.CreateAsync(Url, Person());
        await EraseAsync(first);
        var again = await fixture.Host.CreateAsync(Url, Person());
        await EraseAsync(again);
        var third = await fixture.Host.CreateAsync(Url, Person());

        await using var session = fixture.Store.QuerySession(District);
        var claimed = await session.Events.QueryRawEventDataOnly<ProspectContactClaimed>().ToListAsync();
        var released = await session.Events.QueryRawEventDataOnly<ProspectContactReleased>().ToListAsync();
        List<Guid> StreamsOf(Guid prospect) => [.. claimed.Where(c => c.ProspectId == prospect).Select(c => c.ClaimId)];
        Guid[][] streams = [[.. StreamsOf(first)], [.. StreamsOf(again)], [.. StreamsOf(third)]];
        streams.ShouldAllBe(s => s.Length == 2); // the phone and the citizen id
        streams.SelectMany(s => s).Distinct().Count().ShouldBe(6);
        released.Select(r => r.ClaimId).ShouldBe([.. streams[0], .. streams[1]], ignoreOrder: true);
        foreach (var stream in streams.SelectMany(s => s))
        {
            var prospects = (await session.Events.FetchStreamAsync(stream)).Select(e => e.Data switch
            {
                ProspectContactClaimed c => c.ProspectId,
                ProspectContactReleased r => r.ProspectId,
                _ => Guid.Empty,
            });
            prospects.Distinct().ShouldHaveSingleItem();
        }

        // The live generation still refuses a duplicate, pointing at the third prospect.
        var duplicate = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Person(" 0912 345 678", null), JsonStyle.MinimalApi).ToUrl(Url);
            s.StatusCodeShouldBe(409);
        });
        (await duplicate.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["existingProspectId"].GetGuid().ShouldBe(third);
    }

    [Fact]
    public async Task A_phone_is_normalised_once_so_spacing_does_not_hide_a_duplicate_and_a_trailing_line_break_is_refused()
    {
        var first = await fixture.Host.CreateAsync(Url, Person(Phone, null));
        (await ReadAsync(first)).Contact!.Phone.ShouldBe(Phone);

        var spaced = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Person(" 0912 345 678", null), JsonStyle.MinimalApi).ToUrl(Url);
            s.StatusCodeShouldBe(409);
        });
        (await spaced.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["existingProspectId"].GetGuid().ShouldBe(first);

        var broken = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Person("0912345678\n", null), JsonStyle.MinimalApi).ToUrl(Url);
            s.StatusCodeShouldBe(400);
        });
        (await broken.ReadAsTextAsync()).ShouldContain("not-a-phone");
    }

    [Fact]
    public async Task An_erasure_needs_a_reason_and_appends_nothing_without_one()
    {
        var id = await fixture.Host.CreateAsync(Url, Person());
        var events = await EventCount();

        var problem = await fixture.Host.PostExpectingProblemAsync($"{Url}/{id}/erase", new EraseProspect(null));

        problem.Fields.ShouldBe(["reason"]);
        (await EventCount()).ShouldBe(events);
        (await ReadAsync(id)).Erased.ShouldBeFalse();
    }

    [Fact]
    public async Task A_partner_may_not_erase()
    {
        var id = await fixture.Host.CreateAsync(Url, Person());

        await fixture.Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.Partner, District)}");
            s.Post.Json(new EraseProspect(ErasureReason.PersonRequested), JsonStyle.MinimalApi).ToUrl($"{Url}/{id}/erase");
            s.StatusCodeShouldBe(403);
        });

        (await ReadAsync(id)).Erased.ShouldBeFalse();
    }

    [Fact]
    public async Task An_erased_prospect_cannot_be_handed_off()
    {
        var id = await fixture.Host.CreateAsync(Url, Person());
        await EraseAsync(id);

        var problem = await fixture.Host.PostExpectingProblemAsync($"/api/units/{District}/hand-offs",
            new HandOffProspects(CollectionOrganisation, [id], new DateOnly(2026, 11, 10)));

        problem.Fields.ShouldBe(["prospectIds[0]"]);
        (await ReadAsync(id)).Status.ShouldBe(ProspectStatus.Contacted);
    }

    [Fact]
    public async Task Two_officers_recording_an_erased_person_again_at_once_store_one_prospect()
    {
        var first = await fixture.Host.CreateAsync(Url, Person());
        await EraseAsync(first);

        async Task<int> Record() => (await fixture.Host.Scenario(s =>
        {
            s.Post.Json(Person(), JsonStyle.MinimalApi).ToUrl(Url);
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(Record)));

        statuses.Order().ShouldBe([201, 409, 409, 409, 409, 409]);
        await using var session = fixture.Store.QuerySession(District);
        (await session.Query<Prospect>().CountAsync(p => p.ErasedAt == null)).ShouldBe(1);
    }

    [Fact]
    public async Task A_person_erased_twice_over_can_be_recorded_a_third_time()
    {
        for (var round = 0; round < 2; round++)
        {
            await EraseAsync(await fixture.Host.CreateAsync(Url, Person()));
        }

        var third = await fixture.Host.CreateAsync(Url, Person());

        (await ReadAsync(third)).FullName.ShouldBe(Name);
    }
}
