using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>
/// Outreach's prospects, hand-offs and enrolments as the portal calls them (services/Outreach/README.md):
/// the district officer records and hands off; a collection agent sees only its organisation's hand-offs (Outreach narrows by the <c>org</c> claim).
/// </summary>
public sealed class ProspectsClient(HttpClient http)
{
    public const string Service = "outreach";

    private static string Units(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}";

    public async Task<IReadOnlyList<ProspectView>> ProspectsAsync(string unit, ProspectStatus? status = null, CancellationToken cancellation = default) =>
        await http.GetAsync<List<ProspectView>>(Service, $"{Units(unit)}/prospects{(status is { } s ? $"?status={s}" : string.Empty)}", cancellation) ?? [];

    public Task<ProspectPipelineView?> PipelineAsync(string unit, CancellationToken cancellation = default) =>
        http.GetAsync<ProspectPipelineView>(Service, $"{Units(unit)}/prospect-pipeline", cancellation);

    public Task<ServiceResult<Created>> RecordProspectAsync(string unit, RecordProspectRequest prospect, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/prospects", prospect, cancellation);

    /// <summary>The collection-service organisations Outreach knows (from Partners): the only ones a hand-off may go to.</summary>
    public async Task<IReadOnlyList<KnownPartnerView>> CollectionOrganisationsAsync(string unit, CancellationToken cancellation = default) =>
        [.. (await http.GetAsync<List<KnownPartnerView>>(Service, $"{Units(unit)}/known-partners", cancellation) ?? [])
            .Where(p => p.PartnerType == CollectionServiceOrganisation)];

    public const string CollectionServiceOrganisation = "CollectionServiceOrganisation";

    public async Task<IReadOnlyList<HandOffBatchView>> HandOffsAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<HandOffBatchView>>(Service, $"{Units(unit)}/hand-offs", cancellation) ?? [];

    public Task<HandOffBatchView?> HandOffAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<HandOffBatchView>(Service, $"{Units(unit)}/hand-offs/{id}", cancellation);

    public Task<ServiceResult<Created>> HandOffAsync(string unit, HandOffRequest handOff, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/hand-offs", handOff, cancellation);

    public Task<ServiceResult<object>> AcknowledgeAsync(string unit, Guid batchId, long version, DateOnly acknowledgedOn, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/hand-offs/{batchId}/acknowledgement", new { version, acknowledgedOn }, cancellation);

    public Task<ServiceResult<object>> ReportOutcomesAsync(
        string unit, Guid batchId, long version, DateOnly reportedOn, IReadOnlyList<ReportedOutcomeRequest> outcomes, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/hand-offs/{batchId}/outcomes", new { version, reportedOn, outcomes }, cancellation);

    public Task<ServiceResult<Created>> RecordEnrolmentAsync(string unit, RecordEnrolmentRequest enrolment, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/enrolments", enrolment, cancellation);

    /// <summary>Uploads a CSV list (multipart, as Outreach's <c>enrolment-imports</c> takes it): the report per row, or the problem with the file.</summary>
    public async Task<ServiceResult<ImportReportView>> ImportEnrolmentsAsync(
        string unit, Guid organisationId, Stream csv, string fileName, CancellationToken cancellation = default)
    {
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Units(unit)}/enrolment-imports?organisationId={organisationId}") { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellation);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            throw new ServiceUnavailableException(Service, e);
        }

        using (response)
        {
            if ((int)response.StatusCode is 400 or 404 or 409 or 413 or 415 or 422)
            {
                return new(null, await ServiceProblem.ReadAsync(response, cancellation));
            }

            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new ServiceForbiddenException(Service);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ServiceUnavailableException(Service);
            }

            return new(await response.Content.ReadFromJsonAsync<ImportReportView>(ServiceCalls.Json, cancellation), null);
        }
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public enum TargetScheme { VoluntarySocialInsurance, HouseholdHealthInsurance, KeepContributionTime }

public enum ConsentMethod { Verbal, Written, Electronic }

/// <summary>The pipeline's steps: Contacted → HandedOff → Enrolled | Declined | Unreachable.</summary>
public enum ProspectStatus { Contacted, HandedOff, Enrolled, Declined, Unreachable }

public enum ProspectOutcome { Enrolled, Declined, Unreachable }

public enum EnrolmentScheme { VoluntarySocialInsurance, HouseholdHealthInsurance, StudentHealthInsurance, SponsoredCard }

public enum ImportRowStatus { Imported, Duplicate, Rejected }

public sealed record ContactDetailsView(string? Address, string? Phone, string? Zalo, string? Email);

/// <summary>A prospect as Outreach reads it (personal fields opened, or masked for an auditor; null once erased).</summary>
public sealed record ProspectView(
    Guid Id,
    bool Erased,
    string? FullName,
    ContactDetailsView? Contact,
    string? CitizenId,
    TargetScheme Scheme,
    Guid? ActivityId,
    string? CommuneId,
    ConsentMethod ConsentMethod,
    DateTimeOffset ConsentRecordedAt,
    ProspectStatus Status,
    Guid? HandOffBatchId,
    Guid? CollectionOrganisationId,
    long Version,
    DateTimeOffset? ErasedAt,
    DateOnly? NextContactOn = null,
    string? FollowUpAssignee = null);

public sealed record RecordProspectRequest(
    string FullName,
    bool ConsentGiven,
    ConsentMethod? ConsentMethod,
    DateTimeOffset ConsentRecordedAt,
    TargetScheme? TargetScheme,
    string? Address,
    string? Phone,
    string? Zalo,
    string? Email,
    string? CitizenId,
    Guid? ActivityId,
    string? CommuneId,
    DateOnly? NextContactOn = null);

public sealed record OrganisationConversionView(
    Guid OrganisationId, string? OrganisationName, int HandedOff, int Pending, int Enrolled, int Declined, int Unreachable, double ConversionRate);

public sealed record ProspectPipelineView(IReadOnlyDictionary<ProspectStatus, int> ByStatus, IReadOnlyList<OrganisationConversionView> ByOrganisation);

public sealed record OutcomeLineView(Guid ProspectId, ProspectOutcome Outcome);

public sealed record HandOffBatchView(
    Guid Id, Guid CollectionOrganisationId, IReadOnlyList<Guid> ProspectIds, DateOnly HandedOffOn, DateOnly? AcknowledgedOn,
    IReadOnlyList<OutcomeLineView> Outcomes, long Version);

public sealed record HandOffRequest(Guid CollectionOrganisationId, IReadOnlyList<Guid> ProspectIds, DateOnly HandedOffOn);

public sealed record ReportedOutcomeRequest(Guid ProspectId, ProspectOutcome? Outcome);

/// <param name="CoverageEndsOn">A health-insurance card's last valid day: whoever enrolled is reminded 30 days before.</param>
public sealed record RecordEnrolmentRequest(
    EnrolmentScheme? Scheme, DateOnly EnrolledOn, int? Count, Guid? ProspectId, Guid? ActivityId, Guid? CollectionOrganisationId, Guid? SponsorId,
    DateOnly? CoverageEndsOn = null);

public sealed record ImportedRowView(int Line, string RowKey, ImportRowStatus Status, Guid? EnrolmentId, IReadOnlyList<FieldError> Errors);

public sealed record ImportReportView(int Imported, int Duplicates, int Rejected, IReadOnlyList<ImportedRowView> Rows);
