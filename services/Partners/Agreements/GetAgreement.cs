using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Agreements;

public static class GetAgreementEndpoint
{
    /// <summary>One agreement; a partner's users see only those their organisation is a party to.</summary>
    [WolverineGet("/api/units/{unit}/agreements/{id}")]
    [Tags("Agreements")]
    [FiltersByOrganisation]
    public static Agreement? Get([ReadAggregate] Agreement agreement, HttpContext context) =>
        context.Reaches(agreement.PartnerIds.Select(p => (Guid?)p)) ? agreement : null;
}

/// <summary>A signed agreement the office was warned about, that ends soon.</summary>
public sealed record ExpiringAgreement(Guid AgreementId, AgreementKind Kind, string Title, IReadOnlyList<Guid> PartnerIds, DateOnly EndsOn);

public static class GetExpiringAgreementsEndpoint
{
    /// <summary>Signed agreements whose expiry warning was given for their current end date, soonest first.</summary>
    [WolverineGet("/api/units/{unit}/agreements/expiring-soon")]
    [Tags("Agreements")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<ExpiringAgreement>> Get(IQuerySession session, HttpContext context, CancellationToken cancellation)
    {
        var warned = await session.Query<Agreement>()
            .Where(a => a.Status == AgreementStatus.Signed && a.ExpiryWarnedFor != null)
            .ToListAsync(cancellation);
        return warned
            .Where(a => a.ExpiryWarnedFor == a.EndsOn && context.Reaches(a.PartnerIds.Select(p => (Guid?)p)))
            .OrderBy(a => a.EndsOn)
            .Select(a => new ExpiringAgreement(a.Id, a.Kind, a.Title, a.PartnerIds, a.EndsOn))
            .ToList();
    }
}

public static class ListAgreementsEndpoint
{
    /// <summary>The district's agreements by end date, optionally in one status or with one partner as a party; a partner's users see only their own.</summary>
    [WolverineGet("/api/units/{unit}/agreements")]
    [Tags("Agreements")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<Agreement>> Get(
        AgreementStatus? status, Guid? partnerId, IQuerySession session, HttpContext context, CancellationToken cancellation)
    {
        var query = session.Query<Agreement>().AsQueryable();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        // A partner's users: only the agreements their organisation is a party to.
        var agreements = (await query.OrderBy(a => a.EndsOn).ToListAsync(cancellation))
            .Where(a => context.Reaches(a.PartnerIds.Select(p => (Guid?)p)));
        return [.. partnerId is { } p ? agreements.Where(a => a.PartnerIds.Contains(p)) : agreements];
    }
}
