using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Agreements;

public static class GetAgreementEndpoint
{
    [WolverineGet("/api/units/{unit}/agreements/{id}")]
    [Tags("Agreements")]
    public static Agreement Get([ReadAggregate] Agreement agreement) => agreement;
}

/// <summary>A signed agreement the office was warned about, that ends soon.</summary>
public sealed record ExpiringAgreement(Guid AgreementId, AgreementKind Kind, string Title, IReadOnlyList<Guid> PartnerIds, DateOnly EndsOn);

public static class GetExpiringAgreementsEndpoint
{
    /// <summary>Signed agreements whose expiry warning was given for their current end date, soonest first.</summary>
    [WolverineGet("/api/units/{unit}/agreements/expiring-soon")]
    [Tags("Agreements")]
    public static async Task<IReadOnlyList<ExpiringAgreement>> Get(IQuerySession session, CancellationToken cancellation)
    {
        var warned = await session.Query<Agreement>()
            .Where(a => a.Status == AgreementStatus.Signed && a.ExpiryWarnedFor != null)
            .ToListAsync(cancellation);
        return warned
            .Where(a => a.ExpiryWarnedFor == a.EndsOn)
            .OrderBy(a => a.EndsOn)
            .Select(a => new ExpiringAgreement(a.Id, a.Kind, a.Title, a.PartnerIds, a.EndsOn))
            .ToList();
    }
}

public static class ListAgreementsEndpoint
{
    /// <summary>The district's agreements by end date, optionally in one status or with one partner as a party.</summary>
    [WolverineGet("/api/units/{unit}/agreements")]
    [Tags("Agreements")]
    public static async Task<IReadOnlyList<Agreement>> Get(AgreementStatus? status, Guid? partnerId, IQuerySession session, CancellationToken cancellation)
    {
        var query = session.Query<Agreement>().AsQueryable();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var agreements = await query.OrderBy(a => a.EndsOn).ToListAsync(cancellation);
        return partnerId is { } p ? agreements.Where(a => a.PartnerIds.Contains(p)).ToList() : agreements;
    }
}
