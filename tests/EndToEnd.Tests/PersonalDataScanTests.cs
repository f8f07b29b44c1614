using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.TestSupport;
using Xunit.Abstractions;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>
/// A person's contact details are sealed where they are kept and go nowhere else: after a prospect is recorded, read in
/// clear and handed off, no plain contact detail of the person is found in any table of any schema (the three services'
/// events and documents, Wolverine's envelopes, queues and dead letters), in the services' logs, in PostgreSQL's log or
/// in the traces, logs and metrics the services exported; and after the prospect is erased, none at all. The same holds for
/// a partner's contact person and a collaborator recorded in Partners, before and after their erasure.
/// </summary>
public sealed class PersonalDataScanTests(ITestOutputHelper output)
{
    private const string District = "bien-hoa";
    private const string Organisation = "Điểm thu Bưu điện Hố Nai";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Communes = ["bien-hoa.trang-dai"];

    /// <summary>A test person whose every detail is new to the database: a random token in the name, e-mail and address.</summary>
    private sealed record TestPerson(string Token, string Name, string Phone, string Email, string CitizenId, string Address)
    {
        public static TestPerson New()
        {
            var token = string.Concat(RandomNumberGenerator.GetItems("bcdfghjklmnpqrstvwxz".AsSpan(), 10));
            var capitalised = char.ToUpperInvariant(token[0]) + token[1..];
            string Digits(int count) => string.Concat(RandomNumberGenerator.GetItems("0123456789".AsSpan(), count));
            return new(token, $"Trần Thị {capitalised}", "09" + Digits(8), $"{token}@example.vn", "079" + Digits(9),
                $"Số 12 đường {capitalised}, ấp 3, xã Trảng Dài");
        }

        /// <summary>Every form a detail could be written in: as given, JSON-escaped (System.Text.Json's default), and a phone in +84 form.</summary>
        public IEnumerable<string> Forms()
        {
            foreach (var detail in new[] { Token, Name, Phone, Email, CitizenId, Address })
            {
                yield return detail;
                yield return JsonSerializer.Serialize(detail)[1..^1];
            }

            yield return "+84" + Phone[1..];
            yield return "84" + Phone[1..];
        }
    }

    [Fact]
    public async Task No_plain_contact_detail_is_found_in_any_schema_queue_log_or_trace_once_recorded_and_none_at_all_after_erasure()
    {
        var person = TestPerson.New();
        var contactPerson = TestPerson.New();
        var collaboratorPerson = TestPerson.New();
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var telemetry = await OtlpSink.StartAsync();
        var settings = new Dictionary<string, string>(telemetry.Settings) { ["Logging__LogLevel__Default"] = "Information" };
        await using var planning = await ServiceProcess.StartAsync(ServiceNames.Planning, postgres.ConnectionString, settings);
        await using var partners = await ServiceProcess.StartAsync(ServiceNames.Partners, postgres.ConnectionString, settings);
        await using var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, postgres.ConnectionString, settings);
        using var partnersClient = ServiceApi.Authorise(partners.Client());
        using var outreachClient = ServiceApi.Authorise(outreach.Client());

        var organisation = await ServiceApi.CreateAsync(partnersClient, $"/api/units/{District}/partners",
            new { name = Organisation, type = "CollectionServiceOrganisation" });
        var prospect = await ServiceApi.CreateAsync(outreachClient, $"/api/units/{District}/prospects", new
        {
            fullName = person.Name, consentGiven = true, consentMethod = "Verbal", consentRecordedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            targetScheme = "VoluntarySocialInsurance", address = person.Address, phone = person.Phone, zalo = person.Phone,
            email = person.Email, citizenId = person.CitizenId,
        });
        using (var added = await partnersClient.PostAsJsonAsync(new Uri($"/api/units/{District}/partners/{organisation}/contacts", UriKind.Relative),
                   new { version = 1, name = contactPerson.Name, role = "Trưởng điểm thu", phone = contactPerson.Phone, email = contactPerson.Email }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        }

        // The commune is checked against the unit tree Partners learns from Planning.
        var collaborator = await EventuallyAsync(() => ServiceApi.TryCreateAsync(partnersClient, $"/api/units/{District}/collaborators", new
        {
            name = collaboratorPerson.Name, kind = "Collaborator", phone = collaboratorPerson.Phone, communeIds = Communes,
        }), "Partners enlisting the collaborator");
        var partner = await partnersClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{District}/partners/{organisation}", UriKind.Relative));
        var contact = partner.GetProperty("contacts")[0];
        (contact.GetProperty("name").GetString(), contact.GetProperty("email").GetString()).ShouldBe((contactPerson.Name, contactPerson.Email));
        var contactId = contact.GetProperty("contactId").GetGuid();
        (await partnersClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{District}/collaborators/{collaborator}", UriKind.Relative)))
            .GetProperty("phone").GetString().ShouldBe(collaboratorPerson.Phone);

        var read = await outreachClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{District}/prospects/{prospect}", UriKind.Relative));
        read.GetProperty("fullName").GetString().ShouldBe(person.Name);

        // Outreach learns the organisation from Partners (PartnerRegistered); until then the hand-off is refused.
        var batch = await EventuallyAsync(() => ServiceApi.TryCreateAsync(outreachClient, $"/api/units/{District}/hand-offs", new
        {
            collectionOrganisationId = organisation, prospectIds = new[] { prospect },
            handedOffOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)),
        }), "Outreach accepting the hand-off to the organisation registered in Partners");
        await EventuallyAsync(async () => (await StoredRows.TextAsync(postgres.ConnectionString)).Split('\n')
            .Any(row => row.StartsWith("partners.", StringComparison.Ordinal) && row.Contains(batch.ToString(), StringComparison.Ordinal)),
            "Partners storing the hand-off");
        await EventuallyAsync(() => Task.FromResult(telemetry.Text.Contains($"/prospects/{prospect}", StringComparison.Ordinal)),
            "the read's trace exported");

        var recorded = await EverywhereAsync(postgres, telemetry, planning, partners, outreach);
        recorded.ShouldContain(prospect.ToString());
        recorded.ShouldContain("enc:v1:");
        Found(recorded, Organisation).ShouldBeTrue("the scan reads what Partners keeps in the clear, the organisation's name");
        telemetry.Count("traces").ShouldBeGreaterThan(0);
        telemetry.Count("logs").ShouldBeGreaterThan(0);
        ShouldHoldNoDetailOf(person, recorded, "after the prospect was recorded, read and handed off");
        ShouldHoldNoDetailOf(contactPerson, recorded, "after the partner's contact person was recorded and read");
        ShouldHoldNoDetailOf(collaboratorPerson, recorded, "after the collaborator was recorded and read");

        using (var erase = await outreachClient.PostAsJsonAsync(new Uri($"/api/units/{District}/prospects/{prospect}/erase", UriKind.Relative),
                   new { reason = "PersonRequested" }))
        {
            erase.StatusCode.ShouldBe(HttpStatusCode.NoContent, await erase.Content.ReadAsStringAsync());
        }

        foreach (var url in new[] { $"/api/units/{District}/partners/{organisation}/contacts/{contactId}/erase", $"/api/units/{District}/collaborators/{collaborator}/erase" })
        {
            using var erase = await partnersClient.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { reason = "PersonRequested" });
            erase.StatusCode.ShouldBe(HttpStatusCode.NoContent, await erase.Content.ReadAsStringAsync());
        }

        (await outreachClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{District}/prospects/{prospect}", UriKind.Relative)))
            .GetProperty("erased").GetBoolean().ShouldBeTrue();
        (await partnersClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{District}/partners/{organisation}", UriKind.Relative)))
            .GetProperty("contacts")[0].GetProperty("erased").GetBoolean().ShouldBeTrue();
        (await partnersClient.GetFromJsonAsync<JsonElement>(new Uri($"/api/units/{District}/collaborators/{collaborator}", UriKind.Relative)))
            .GetProperty("erased").GetBoolean().ShouldBeTrue();
        await EventuallyAsync(() => Task.FromResult(telemetry.Text.Contains($"/prospects/{prospect}/erase", StringComparison.Ordinal)),
            "the erasure's trace exported");
        await EventuallyAsync(() => Task.FromResult(telemetry.Text.Contains($"/collaborators/{collaborator}/erase", StringComparison.Ordinal)),
            "the collaborator's erasure's trace exported");
        var erased = await EverywhereAsync(postgres, telemetry, planning, partners, outreach);
        ShouldHoldNoDetailOf(person, erased, "after the prospect was erased");
        ShouldHoldNoDetailOf(contactPerson, erased, "after the contact person was erased");
        ShouldHoldNoDetailOf(collaboratorPerson, erased, "after the collaborator was erased");
    }

    /// <summary>The database's rows, the services' and PostgreSQL's logs and the exported telemetry, as one text.</summary>
    private async Task<string> EverywhereAsync(ThrowawayPostgres postgres, OtlpSink telemetry, params ServiceProcess[] services)
    {
        var rows = await StoredRows.TextAsync(postgres.ConnectionString);
        var serverLog = postgres.Cluster is { } cluster && File.Exists(cluster.LogFile) ? await File.ReadAllTextAsync(cluster.LogFile) : "";
        var exported = telemetry.Text;
        output.WriteLine($"scanned {rows.Length:N0} characters of rows, {services.Sum(s => s.Output.Length):N0} of service logs, "
            + $"{serverLog.Length:N0} of PostgreSQL's log, {exported.Length:N0} of telemetry "
            + $"({telemetry.Count("traces")} trace, {telemetry.Count("logs")} log and {telemetry.Count("metrics")} metric exports)");
        return string.Join('\n', [rows, serverLog, exported, .. services.Select(s => s.Output)]);
    }

    private static void ShouldHoldNoDetailOf(TestPerson person, string text, string when)
    {
        foreach (var form in person.Forms())
        {
            var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
            at.ShouldBe(-1, $"'{form}' was found {when}: …{text[Math.Max(0, at - 200)..Math.Min(text.Length, at + 200)]}…");
        }
    }

    private static bool Found(string text, string value) =>
        text.Contains(value, StringComparison.OrdinalIgnoreCase)
        || text.Contains(JsonSerializer.Serialize(value)[1..^1], StringComparison.OrdinalIgnoreCase);

    /// <summary>Polls <paramref name="attempt"/> until it gives a value, failing the test after <see cref="Patience"/>.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt, string what) where T : struct =>
        await ServiceApi.EventuallyAsync(attempt, v => v is not null, Patience) ?? throw new TimeoutException($"waited {Patience} for {what}");

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what) =>
        (await ServiceApi.EventuallyAsync(condition, ok => ok, Patience)).ShouldBeTrue($"waited {Patience} for {what}");
}
