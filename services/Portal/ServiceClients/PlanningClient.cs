using System.Text.Json;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>The Planning service as the portal reads it (see services/Planning/README.md); the records mirror its JSON.</summary>
public sealed class PlanningClient(HttpClient http)
{
    public const string Service = "planning";

    /// <summary>The district's plan of a year, or null when it has none.</summary>
    public Task<DistrictPlanView?> PlanOfYearAsync(string unit, int year, CancellationToken cancellation = default) =>
        http.GetAsync<DistrictPlanView>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/years/{year}", cancellation);

    public Task<DistrictPlanView?> PlanAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<DistrictPlanView>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/{id}", cancellation);

    public Task<ProgressReportView?> ProgressAsync(string unit, int year, CancellationToken cancellation = default) =>
        http.GetAsync<ProgressReportView>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/progress/years/{year}", cancellation);

    // The district's own steps on its plan (Planning's state machine decides which one a status allows).
    public Task<ServiceResult<object>> SetTargetsAsync(string unit, Guid id, PlanTargetsCommand targets, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/{id}/targets", targets, cancellation);

    public Task<ServiceResult<object>> SubmitAsync(string unit, Guid id, long version, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/{id}/submit", new { version }, cancellation);

    public Task<ServiceResult<object>> AmendAsync(string unit, Guid id, long version, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/{id}/amend", new { version, reason }, cancellation);

    // Writing the plan: adopting the province's published template, then the lines the unit will (not) run.
    public async Task<IReadOnlyList<AdoptableTemplateView>> AdoptableTemplatesAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<AdoptableTemplateView>>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/adoptable-templates", cancellation) ?? [];

    public Task<ServiceResult<Created>> AdoptAsync(string unit, Guid templateId, int templateVersion, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans", new { templateId, templateVersion }, cancellation);

    /// <summary>Adds a line as Planning wrote it (a catalogue line, passed through unchanged).</summary>
    public Task<ServiceResult<object>> AddLineAsync(string unit, Guid id, long version, JsonElement line, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/{id}/lines", new { version, line }, cancellation);

    public Task<ServiceResult<object>> RemoveLineAsync(string unit, Guid id, long version, string code, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/district-plans/{id}/lines/remove", new { version, code }, cancellation);

    /// <summary>The catalogue's lines: the code and subject to choose by, and the line itself to send back.</summary>
    public async Task<IReadOnlyList<CatalogueLineChoice>> CatalogueLinesAsync(CancellationToken cancellation = default) =>
        (await http.GetAsync<List<JsonElement>>(Service, "/api/catalogue/lines", cancellation) ?? [])
            .Select(l => new CatalogueLineChoice(l.GetProperty("code").GetString() ?? "", l.GetProperty("subject").GetString() ?? "", l))
            .ToList();

    public async Task<IReadOnlyList<AudienceView>> AudiencesAsync(CancellationToken cancellation = default) =>
        await http.GetAsync<List<AudienceView>>(Service, "/api/catalogue/audiences", cancellation) ?? [];

    public async Task<IReadOnlyList<CommuneView>> CommunesAsync(string district, CancellationToken cancellation = default) =>
        await http.GetAsync<List<CommuneView>>(Service, $"/api/organisation/districts/{Uri.EscapeDataString(district)}/communes", cancellation) ?? [];
}

public sealed record AdoptableTemplateView(Guid Id, int Year, string Title, int Version, IReadOnlyList<PlanLineView> Lines, Guid? AdoptedPlanId);

public sealed record CatalogueLineChoice(string Code, string Subject, JsonElement Line);

public sealed record AudienceView(string Code, string Name, string? Parent);

public sealed record CommuneView(string Id, string Code, string Name);

public sealed record FrequencyView(string Kind, int? Months, int? Min, int? Max, string? Host);

public sealed record PlanLineView(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    CommunicationForm FormKind,
    string? FrequencyText,
    FrequencyView Frequency,
    string LeadUnit,
    IReadOnlyList<string> PartnerUnits,
    string? CoordinationFormText,
    IReadOnlyList<string> Tasks);

public sealed record LineTargetView(string Code, int Activities, int? CadenceMonths, int? Organisations);

public sealed record EnrolmentTargetView(EnrolmentScheme Scheme, int People);

/// <summary>Planning's <c>SetDistrictPlanTargets</c>: every line's target, people reached, enrolments by scheme.</summary>
public sealed record PlanTargetsCommand(long Version, IReadOnlyList<LineTargetView> Lines, int PeopleReached, IReadOnlyList<EnrolmentTargetView> Enrolments);

public sealed record DistrictPlanLineView(PlanLineView Line, LineTargetView? Target);

public sealed record DistrictPlanView(
    Guid Id,
    string District,
    int Year,
    Guid TemplateId,
    int TemplateVersion,
    string Status,
    int Revision,
    string? LastReason,
    int PeopleReachedTarget,
    IReadOnlyList<DistrictPlanLineView> Lines,
    int Version)
{
    /// <summary>Activities count against a plan the province approved (the Outreach check follows the same rule).</summary>
    public bool IsApproved => Status is "Approved" or "Amending";

    /// <summary>The district may change its targets and submit (Planning's editable statuses).</summary>
    public bool IsEditable => Status is "Draft" or "Returned" or "Amending";

    public IReadOnlyList<EnrolmentTargetView> EnrolmentTargets { get; init; } = [];

    public DistrictPlanLineView? Line(string code) => Lines.FirstOrDefault(l => l.Line.Code == code);
}

public sealed record PeriodProgressView(int Period, int Expected, int Logged);

public sealed record CapView(string Period, int Max);

public sealed record LineProgressView(
    string District,
    Guid PlanId,
    string Code,
    string AudienceCode,
    string Frequency,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    long PeopleReached,
    IReadOnlyList<PeriodProgressView> Months,
    IReadOnlyList<PeriodProgressView> Quarters,
    CapView? Cap,
    bool Overdue,
    bool OverCap,
    bool NeedsAgreement)
{
    public PeriodProgressView? Month(int month) => Months.FirstOrDefault(m => m.Period == month);
}

public sealed record DistrictProgressView(
    string District,
    Guid PlanId,
    string Status,
    int Revision,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    long PeopleReached,
    int PeopleReachedTarget,
    int Enrolled,
    int EnrolmentTarget,
    int OverdueLines,
    int OverCapLines,
    int LinesWithoutAgreement);

public sealed record AudienceProgressView(string AudienceCode, int ExpectedYear, int ExpectedByNow, int Logged, long PeopleReached);

public sealed record ProgressReportView(
    string Unit,
    int Year,
    DateOnly AsOf,
    int ExpectedYear,
    int ExpectedByNow,
    int Logged,
    long PeopleReached,
    int Enrolled,
    IReadOnlyList<DistrictProgressView> Districts,
    IReadOnlyList<AudienceProgressView> Audiences,
    IReadOnlyList<LineProgressView> Lines);
