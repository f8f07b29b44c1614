namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>Outreach's employer disclosures as the portal calls them (services/Outreach/README.md, <c>Employers/</c>): naming employers that owe contributions, withdrawn when they pay.</summary>
public sealed class EmployersClient(HttpClient http)
{
    public const string Service = "outreach";

    private static string Units(string unit) => $"/api/units/{Uri.EscapeDataString(unit)}";

    /// <summary>The district's disclosures, newest first; the withdrawn ones too when asked.</summary>
    public async Task<IReadOnlyList<EmployerDisclosureView>> DisclosuresAsync(string unit, bool includeWithdrawn = false, CancellationToken cancellation = default) =>
        await http.GetAsync<List<EmployerDisclosureView>>(Service, $"{Units(unit)}/employer-disclosures{(includeWithdrawn ? "?includeWithdrawn=true" : string.Empty)}", cancellation) ?? [];

    public Task<EmployerDisclosureView?> DisclosureAsync(string unit, Guid id, CancellationToken cancellation = default) =>
        http.GetAsync<EmployerDisclosureView>(Service, $"{Units(unit)}/employer-disclosures/{id}", cancellation);

    public Task<ServiceResult<Created>> DiscloseAsync(string unit, DiscloseEmployerRequest disclosure, CancellationToken cancellation = default) =>
        http.PostAsync<Created>(Service, $"{Units(unit)}/employer-disclosures", disclosure, cancellation);

    public Task<ServiceResult<object>> WithdrawAsync(string unit, Guid id, long version, DateOnly paidOn, string reason, CancellationToken cancellation = default) =>
        http.PostAsync<object>(Service, $"{Units(unit)}/employer-disclosures/{id}/withdrawal", new { version, paidOn, reason }, cancellation);
}

public sealed record EmployerDisclosureView(
    Guid Id, string EmployerName, string TaxCode, long AmountOwedVnd, int MonthsOverdue, MediaPlatform Channel, string Link, DateOnly PublishedOn,
    bool Withdrawn, DateOnly? PaidOn, string? WithdrawalReason, long Version);

/// <summary>The body of <c>POST employer-disclosures</c>; Outreach takes the amount, months and date as required values (a missing one is sent as 0 or the default day, which it names).</summary>
public sealed record DiscloseEmployerRequest(
    string EmployerName, string TaxCode, long AmountOwedVnd, int MonthsOverdue, MediaPlatform? Channel, string Link, DateOnly PublishedOn);
