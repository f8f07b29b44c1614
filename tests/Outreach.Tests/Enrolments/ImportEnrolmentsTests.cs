using System.Net.Http.Headers;
using System.Text;
using Alba;
using BhxhPlatform.Contracts.Outreach;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Tracking;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Enrolments;

[Collection(OutreachCollection.Name)]
public sealed class ImportEnrolmentsTests(OutreachFixture fixture) : IAsyncLifetime
{
    private const string Url = $"/api/units/{District}/enrolment-imports";

    private const string List = """
        rowId,scheme,count,prospectId,enrolledOn,activityId,sponsorId
        R-001,HouseholdHealthInsurance,5,,2026-11-02,,
        ,VoluntarySocialInsurance,2,,2026-11-03,,
        R-003,SponsoredCard,3,,2026-11-04,,
        R-004,Bảo hiểm gì đó,x,,04/11/2026,,
        """;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await fixture.Host.GivenPartnersAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Alba would encode a query string given in ToUrl into the path, so it is passed apart.</summary>
    private async Task<ImportReport> ImportCsvAsync(string csv, Guid organisation)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(csv).ContentType("text/csv").ToUrl(Url).QueryString("organisationId", organisation.ToString());
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<ImportReport>())!;
    }

    private async Task<int> EnrolmentCount()
    {
        await using var session = fixture.Store.QuerySession(District);
        return await session.Query<Enrolment>().CountAsync();
    }

    [Fact]
    public async Task Importing_a_list_records_the_valid_rows_reports_the_others_and_importing_it_again_records_nothing_twice()
    {
        ImportReport first = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => first = await ImportCsvAsync(List, CollectionOrganisation));

        first.ShouldSatisfyAllConditions(
            r => r.Imported.ShouldBe(2),
            r => r.Duplicates.ShouldBe(0),
            r => r.Rejected.ShouldBe(2));
        first.Rows.Select(r => (r.Line, r.Status)).ShouldBe([
            (2, ImportRowStatus.Imported), (3, ImportRowStatus.Imported), (4, ImportRowStatus.Rejected), (5, ImportRowStatus.Rejected)]);
        first.Rows[0].RowKey.ShouldBe("id:R-001");
        first.Rows[1].RowKey.ShouldStartWith("hash:");
        first.Rows[2].Errors.Select(e => e.Field).ShouldBe(["sponsorId"]);
        first.Rows[3].Errors.Select(e => e.Field).ShouldBe(["scheme", "enrolledOn", "count"], ignoreOrder: true);
        first.Rows[3].Errors.ShouldAllBe(e => e.Vi.Length > 0 && e.En.Length > 0);
        tracked.Sent.MessagesOf<EnrolmentsRecorded>().Select(m => m.Count).Distinct().ShouldBe([5, 2], ignoreOrder: true);
        tracked.Sent.MessagesOf<EnrolmentsRecorded>().ShouldAllBe(m => m.CollectionOrganisationId == CollectionOrganisation);

        ImportReport second = null!;
        var again = await fixture.Host.ExecuteAndWaitAsync(async () => second = await ImportCsvAsync(List, CollectionOrganisation));

        second.ShouldSatisfyAllConditions(
            r => r.Imported.ShouldBe(0),
            r => r.Duplicates.ShouldBe(2),
            r => r.Rejected.ShouldBe(2));
        second.Rows.Where(r => r.Status == ImportRowStatus.Duplicate).Select(r => r.EnrolmentId)
            .ShouldBe(first.Rows.Where(r => r.Status == ImportRowStatus.Imported).Select(r => r.EnrolmentId));
        again.Sent.MessagesOf<EnrolmentsRecorded>().ShouldBeEmpty();
        (await EnrolmentCount()).ShouldBe(2);
    }

    [Fact]
    public async Task A_row_repeated_within_a_file_is_a_duplicate_and_a_multipart_upload_works_too()
    {
        const string csv = "scheme,count,enrolledOn\nStudentHealthInsurance,30,2026-10-01\nStudentHealthInsurance,30,2026-10-01\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "danh-sach.csv");

        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.MultipartFormData(form).ToUrl(Url).QueryString("organisationId", CollectionOrganisation.ToString());
            s.StatusCodeShouldBeOk();
        });

        var report = (await result.ReadAsJsonAsync<ImportReport>())!;
        report.Rows.Select(r => r.Status).ShouldBe([ImportRowStatus.Imported, ImportRowStatus.Duplicate]);
        (await EnrolmentCount()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_row_from_another_organisation_is_another_enrolment()
    {
        await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.InvokeMessageAndWaitAsync(fixture.Host,
            new Contracts.Partners.PartnerRegistered(Partner, "Đại lý thu xã Tân Hạnh", "CollectionServiceOrganisation", null), District);
        const string csv = "rowId,scheme,count,enrolledOn\nR-1,HouseholdHealthInsurance,1,2026-10-01\n";

        await ImportCsvAsync(csv, CollectionOrganisation);
        var other = await ImportCsvAsync(csv, Partner);

        other.Imported.ShouldBe(1);
        (await EnrolmentCount()).ShouldBe(2);
    }

    [Theory]
    [InlineData("unknown organisation", "rowId,scheme,enrolledOn\nR,VoluntarySocialInsurance,2026-10-01", "00000000-0000-0000-0000-000000000009", "text/csv", "organisationId")]
    [InlineData("not a collection organisation", "rowId,scheme,enrolledOn\nR,VoluntarySocialInsurance,2026-10-01", "0196b2a0-0000-7000-8000-000000000005", "text/csv", "organisationId")]
    [InlineData("not CSV", "{}", "0196b2a0-0000-7000-8000-000000000003", "application/json", "file")]
    [InlineData("missing columns", "rowId,count\nR,1", "0196b2a0-0000-7000-8000-000000000003", "text/csv", "file")]
    [InlineData("no rows", "rowId,scheme,count,enrolledOn\n", "0196b2a0-0000-7000-8000-000000000003", "text/csv", "file")]
    [InlineData("ragged rows", "rowId,scheme,count,enrolledOn\nR,VoluntarySocialInsurance,1,2026-10-01,extra,more", "0196b2a0-0000-7000-8000-000000000003", "text/csv", "file")]
    public async Task A_file_that_cannot_be_imported_is_refused_whole(string because, string body, string organisation, string contentType, string field)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(body).ContentType(contentType).ToUrl(Url).QueryString("organisationId", organisation);
            s.StatusCodeShouldBe(400);
        });

        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), BhxhPlatform.TestSupport.ScenarioExtensions.Json)!;
        problem.Fields.ShouldBe([field], because);
        (await EnrolmentCount()).ShouldBe(0);
    }

    [Fact]
    public async Task The_documented_import_size_is_the_request_body_limit_and_a_list_one_byte_over_it_is_a_413()
    {
        ImportEnrolmentsEndpoint.MaxBytes.ShouldBe(BhxhPlatform.ServiceDefaults.RequestLimits.MaxRequestBodyBytes);
        var header = "rowId,scheme,count,prospectId,enrolledOn,activityId,sponsorId\n";
        var csv = new StringBuilder(header);
        while (csv.Length < ImportEnrolmentsEndpoint.MaxBytes + 1)
        {
            csv.Append("R-X,HouseholdHealthInsurance,1,,2026-11-02,,\n");
        }

        var text = csv.ToString()[..(int)(ImportEnrolmentsEndpoint.MaxBytes + 1)];
        var result = await fixture.Host.Scenario(s =>
        {
            s.Post.Text(text).ContentType("text/csv").ToUrl(Url).QueryString("organisationId", CollectionOrganisation.ToString());
            s.StatusCodeShouldBe(413);
        });
        (await result.ReadAsTextAsync()).ShouldContain("payload-too-large");
        (await EnrolmentCount()).ShouldBe(0);

        var refused = await fixture.Host.Scenario(s =>
        {
            s.Post.Text("{}").ContentType("application/json").ToUrl(Url).QueryString("organisationId", CollectionOrganisation.ToString());
            s.StatusCodeShouldBe(400);
        });
        (await refused.ReadAsTextAsync()).ShouldContain("at most 1 MiB");
    }

    [Fact]
    public async Task The_same_list_imported_several_times_at_once_is_recorded_once()
    {
        async Task<int> Import() => (await fixture.Host.Scenario(s =>
        {
            s.Post.Text(List).ContentType("text/csv").ToUrl(Url).QueryString("organisationId", CollectionOrganisation.ToString());
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Import)));

        statuses.ShouldAllBe(s => s == 200 || s == 409);
        (await EnrolmentCount()).ShouldBe(2);
    }
}
