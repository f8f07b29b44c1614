using System.Security.Cryptography;
using System.Text;
using BhxhPlatform.Contracts;

namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>
/// What the province pages ask Planning (see services/Planning/README.md): templates, rollouts, the
/// districts' plans and decisions on them, the organisation and the catalogue. The records mirror its JSON.
/// </summary>
public sealed class ProvincePlanningClient(HttpClient http)
{
    public const string Service = PlanningClient.Service;

    private static string Unit(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}";

    // Catalogue and organisation (reference data).
    public async Task<IReadOnlyList<AudienceView>> AudiencesAsync(CancellationToken cancellation = default) =>
        await http.GetAsync<List<AudienceView>>(Service, "/api/catalogue/audiences", cancellation) ?? [];

    public async Task<IReadOnlyList<DistrictView>> DistrictsAsync(string province, CancellationToken cancellation = default) =>
        await http.GetAsync<List<DistrictView>>(Service, $"/api/organisation/provinces/{Uri.EscapeDataString(province)}/districts", cancellation) ?? [];

    // Templates.
    public async Task<IReadOnlyList<TemplateSummaryView>> TemplatesAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<TemplateSummaryView>>(Service, $"{Unit(unit)}/plan-templates", cancellation) ?? [];

    public Task<TemplateView?> TemplateAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<TemplateView>(Service, $"{Unit(unit)}/plan-templates/{id}", cancellation);

    public Task<ServiceResult<Created>> DraftTemplateAsync(string unit, int year, string title, bool fromCatalogue, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Unit(unit)}/plan-templates{(fromCatalogue ? "/from-catalogue" : string.Empty)}", new { year, title }, cancellation);

    public Task<ServiceResult<object>> AddLineAsync(string unit, Guid id, long version, TemplateLineInput line, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(unit)}/plan-templates/{id}/lines", new { version, line }, cancellation);

    public Task<ServiceResult<object>> ChangeLineAsync(string unit, Guid id, long version, TemplateLineInput line, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(unit)}/plan-templates/{id}/lines/change", new { version, line }, cancellation);

    public Task<ServiceResult<object>> RemoveLineAsync(string unit, Guid id, long version, string code, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(unit)}/plan-templates/{id}/lines/remove", new { version, code }, cancellation);

    public Task<ServiceResult<object>> PublishAsync(string unit, Guid id, long version, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(unit)}/plan-templates/{id}/publish", new { version }, cancellation);

    // Rollouts: the id is Planning's name-based id of (province, template, version), so a page can find a rollout again.
    public Task<ServiceResult<object>> StartRolloutAsync(string province, Guid templateId, int templateVersion, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(province)}/rollouts", new { templateId, templateVersion }, cancellation);

    public Task<RolloutView?> RolloutAsync(string province, Guid templateId, int templateVersion, CancellationToken cancellation = default) =>
        http.GetAsync<RolloutView>(Service, $"{Unit(province)}/rollouts/{RolloutId(province, templateId, templateVersion)}", cancellation);

    // District plans and the province's decisions.
    public async Task<IReadOnlyList<DistrictPlanSummaryView>> PlansAsync(string province, int year, CancellationToken cancellation = default) =>
        await http.GetAsync<List<DistrictPlanSummaryView>>(Service, $"{Unit(province)}/district-plans/years/{year}/all", cancellation) ?? [];

    public Task<DistrictPlanView?> PlanAsync(string district, int year, CancellationToken cancellation = default) =>
        http.GetAsync<DistrictPlanView>(Service, $"{Unit(district)}/district-plans/years/{year}", cancellation);

    public Task<ServiceResult<object>> ApproveAsync(string province, string district, int year, long version, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(province)}/district-plans/{Uri.EscapeDataString(district)}/years/{year}/approve", new { version }, cancellation);

    public Task<ServiceResult<object>> ReturnAsync(string province, string district, int year, long version, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Unit(province)}/district-plans/{Uri.EscapeDataString(district)}/years/{year}/return", new { version, reason }, cancellation);

    // Progress (the service's own figures).
    public Task<ProgressReportView?> ProgressAsync(string unit, int year, CancellationToken cancellation = default) =>
        http.GetAsync<ProgressReportView>(Service, $"{Unit(unit)}/progress/years/{year}", cancellation);

    /// <summary>Planning's <c>DeterministicId.Rollout</c>: RFC 9562 version 5 of <c>rollout/{province}/{template}/{version}</c> in Planning's namespace.</summary>
    public static Guid RolloutId(string province, Guid templateId, int templateVersion)
    {
        var name = $"rollout/{province}/{templateId:D}/{templateVersion}";
        var bytes = new Guid("4b0e8f3c-5a61-4f0e-9d2b-7f3a1c6e2d90").ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what UUID v5 is defined with; it names, it does not protect.
        var uuid = SHA1.HashData(bytes).AsSpan(0, 16).ToArray();
#pragma warning restore CA5350
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}

public sealed record DistrictView(string Id, string Code, string Name, string Office, int Communes);

public sealed record TemplateSummaryView(Guid Id, int Year, string Title, string Status, int Version, int Lines, IReadOnlyList<int> PublishedVersions);

public sealed record PublishedTemplateView(int Number, IReadOnlyList<TemplateLineView> Lines);

/// <summary>A line's frequency as Planning keeps it (<c>FrequencySpec</c>).</summary>
public sealed record FrequencySpecView(string Kind, int? Months = null, int? Min = null, int? Max = null, string? Host = null, bool? FlexibleHours = null);

/// <summary>A template line with every field (Planning's <c>PlanLine</c>), as the editor reads and rewrites it.</summary>
public sealed record TemplateLineView(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    CommunicationForm FormKind,
    string? FrequencyText,
    FrequencySpecView Frequency,
    string LeadUnit,
    IReadOnlyList<string> PartnerUnits,
    string? CoordinationFormText,
    string Coordination,
    IReadOnlyList<string> Tasks);

public sealed record TemplateView(Guid Id, int Year, string Title, string Status, int Version, IReadOnlyList<TemplateLineView> Lines, IReadOnlyList<PublishedTemplateView> PublishedVersions)
{
    public bool IsPublished => Status == "Published";

    public PublishedTemplateView? Published(int number) => PublishedVersions.FirstOrDefault(v => v.Number == number);
}

/// <summary>A line as the template editor sends it (Planning's <c>PlanLineInput</c>).</summary>
public sealed record TemplateLineInput(
    string Code,
    string AudienceCode,
    string Subject,
    string Form,
    CommunicationForm? FormKind,
    string? FrequencyText,
    FrequencySpecView? Frequency,
    string LeadUnit,
    IReadOnlyList<string> PartnerUnits,
    string? CoordinationFormText,
    string? Coordination,
    IReadOnlyList<string> Tasks);

public sealed record RolloutDistrictView(string District, string Status, Guid? PlanId);

public sealed record RolloutView(Guid Id, Guid TemplateId, int TemplateVersion, int Year, int Pending, IReadOnlyList<RolloutDistrictView> Districts);

public sealed record DistrictPlanSummaryView(Guid Id, string District, int Year, string Status, int Revision, int Version, Guid TemplateId, int TemplateVersion);
