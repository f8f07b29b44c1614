using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>A contact person as read: details opened with their key (masked for the auditor); null and <see cref="Erased"/> once erased.</summary>
public sealed record PartnerContactView(Guid ContactId, string? Name, string? Role, string? Phone, string? Email, bool Erased, DateTimeOffset? ErasedAt);

/// <summary>A partner as read (the same fields as <see cref="Partner"/>, its contacts opened).</summary>
public sealed record PartnerView(
    Guid Id, string Name, PartnerType Type, string? CommuneId, PartnerStatus Status, string? StatusReason, IReadOnlyList<PartnerContactView> Contacts, int Version)
{
    public static PartnerView Of(Partner partner, IReadOnlyDictionary<Guid, PersonKey> keys, PersonalDataProtector protector, bool masked) => new(
        partner.Id, partner.Name, partner.Type, partner.CommuneId, partner.Status, partner.StatusReason,
        [.. partner.Contacts.Select(c =>
        {
            var key = keys.GetValueOrDefault(c.ContactId);
            var erased = c.ErasedAt is not null || key?.WrappedKey is null;
            return erased
                ? new PartnerContactView(c.ContactId, null, c.Role, null, null, true, c.ErasedAt ?? key?.ErasedAt)
                : new PartnerContactView(c.ContactId,
                    protector.OpenName(key, c.Name, PersonalDetails.ContactName, masked),
                    c.Role,
                    protector.OpenPhone(key, c.Phone, PersonalDetails.ContactPhone, masked),
                    protector.OpenEmail(key, c.Email, PersonalDetails.ContactEmail, masked),
                    false, null);
        })],
        partner.Version);

    public static async Task<IReadOnlyList<PartnerView>> OpenAsync(
        IReadOnlyList<Partner> partners, IQuerySession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        var keys = await PersonalDetails.KeysAsync(session, partners.SelectMany(p => p.Contacts.Select(c => c.ContactId)), cancellation);
        var masked = PersonalDetails.Masked(context);
        return [.. partners.Select(p => Of(p, keys, protector, masked))];
    }

    /// <summary>The contact persons whose details these views show (the erased show none).</summary>
    public static IReadOnlyList<Guid> ContactsShown(IEnumerable<PartnerView> views) =>
        [.. views.SelectMany(v => v.Contacts).Where(c => !c.Erased).Select(c => c.ContactId)];
}

public static class GetPartnerEndpoint
{
    /// <summary>One partner organisation of the district, its contacts' details opened (masked for the auditor); a partner's users see only their own.</summary>
    [WolverineGet("/api/units/{unit}/partners/{id}")]
    [Tags("Partners")]
    [FiltersByOrganisation]
    public static async Task<PartnerView?> Get(
        [ReadAggregate] Partner partner, HttpContext context, IDocumentSession session, PersonalDataProtector protector, CancellationToken cancellation)
    {
        if (!context.Reaches(partner.Id))
        {
            return null;
        }

        var view = (await PartnerView.OpenAsync([partner], session, protector, context, cancellation))[0];
        PersonalDataReadLog.Record(session, context, PartnerView.ContactsShown([view]), PersonalDataPurposes.PartnerContactWork);
        return view;
    }
}

public static class ListPartnersEndpoint
{
    /// <summary>The district's partners by name, optionally of one type or status.</summary>
    [WolverineGet("/api/units/{unit}/partners")]
    [Tags("Partners")]
    public static async Task<IReadOnlyList<PartnerView>> Get(
        PartnerType? type, PartnerStatus? status, IDocumentSession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        var query = session.Query<Partner>().AsQueryable();
        if (type is { } t)
        {
            query = query.Where(p => p.Type == t);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var views = await PartnerView.OpenAsync(await query.OrderBy(p => p.Name).ToListAsync(cancellation), session, protector, context, cancellation);
        PersonalDataReadLog.Record(session, context, PartnerView.ContactsShown(views), PersonalDataPurposes.PartnerContactWork);
        return views;
    }
}
