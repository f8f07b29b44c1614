using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Commendations;

/// <summary>A commendation as read: a person's name opened with their key (masked for the auditor); null and <see cref="PersonErased"/> once erased.</summary>
public sealed record CommendationView(
    Guid Id, int Year, Guid? PartnerId, string? PersonName, string Reason, DateOnly AwardedOn, bool Withdrawn, string? WithdrawalReason, int Version,
    bool PersonErased, DateTimeOffset? PersonErasedAt)
{
    public static async Task<IReadOnlyList<CommendationView>> OpenAsync(
        IReadOnlyList<Commendation> commendations, IQuerySession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        var keys = await PersonalDetails.KeysAsync(session, commendations.Where(c => c.OfPerson).Select(c => c.Id), cancellation);
        var masked = PersonalDetails.Masked(context);
        return [.. commendations.Select(c =>
        {
            var key = keys.GetValueOrDefault(c.Id);
            var erased = c.OfPerson && (c.PersonErasedAt is not null || key?.WrappedKey is null);
            return new CommendationView(
                c.Id, c.Year, c.PartnerId,
                erased ? null : protector.OpenName(key, c.PersonName, PersonalDetails.CommendedName, masked),
                c.Reason, c.AwardedOn, c.Withdrawn, c.WithdrawalReason, c.Version,
                erased, erased ? c.PersonErasedAt ?? key?.ErasedAt : null);
        })];
    }

    /// <summary>The commended persons whose names these views show (organisations and the erased show none).</summary>
    public static IReadOnlyList<Guid> PeopleShown(IEnumerable<CommendationView> views) =>
        [.. views.Where(v => v.PersonName is not null).Select(v => v.Id)];
}

public static class GetCommendationEndpoint
{
    /// <summary>One commendation; a partner's users see only those awarded to their organisation.</summary>
    [WolverineGet("/api/units/{unit}/commendations/{id}")]
    [Tags("Commendations")]
    [FiltersByOrganisation]
    public static async Task<CommendationView?> Get(
        [ReadAggregate] Commendation commendation, HttpContext context, IDocumentSession session, PersonalDataProtector protector, CancellationToken cancellation)
    {
        if (!context.Reaches(commendation.PartnerId))
        {
            return null;
        }

        var view = (await CommendationView.OpenAsync([commendation], session, protector, context, cancellation))[0];
        PersonalDataReadLog.Record(session, context, CommendationView.PeopleShown([view]), PersonalDataPurposes.CommendationWork);
        return view;
    }
}

public static class ListCommendationsEndpoint
{
    /// <summary>The commendations of a year that stand (not withdrawn), by award date; a partner's users see only their own.</summary>
    [WolverineGet("/api/units/{unit}/commendations")]
    [Tags("Commendations")]
    [FiltersByOrganisation]
    public static async Task<IReadOnlyList<CommendationView>> Get(
        int year, IDocumentSession session, HttpContext context, PersonalDataProtector protector, CancellationToken cancellation)
    {
        var query = session.Query<Commendation>().Where(c => c.Year == year && !c.Withdrawn);
        if (context.OrganisationScope() is { } own)
        {
            query = query.Where(c => c.PartnerId == own);
        }

        var views = await CommendationView.OpenAsync(await query.OrderBy(c => c.AwardedOn).ToListAsync(cancellation), session, protector, context, cancellation);
        PersonalDataReadLog.Record(session, context, CommendationView.PeopleShown(views), PersonalDataPurposes.CommendationWork);
        return views;
    }
}
