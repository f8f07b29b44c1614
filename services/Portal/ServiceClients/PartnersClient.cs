namespace BhxhPlatform.Portal.ServiceClients;

/// <summary>The Partners service as the portal reads it (see services/Partners/README.md).</summary>
public sealed class PartnersClient(HttpClient http)
{
    public const string Service = "partners";

    /// <summary>Signed agreements warned about their end date, soonest first.</summary>
    public async Task<IReadOnlyList<ExpiringAgreementView>> ExpiringSoonAsync(string unit, CancellationToken cancellation = default) =>
        await http.GetAsync<List<ExpiringAgreementView>>(Service, $"/api/units/{Uri.EscapeDataString(unit)}/agreements/expiring-soon", cancellation) ?? [];
}

public sealed record ExpiringAgreementView(Guid AgreementId, string Kind, string Title, IReadOnlyList<Guid> PartnerIds, DateOnly EndsOn);
