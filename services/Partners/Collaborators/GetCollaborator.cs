using BhxhPlatform.Partners.PersonalData;
using BhxhPlatform.ServiceDefaults.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

/// <summary>A collaborator as read: name and phone opened with their key (masked for the auditor); null and <see cref="Erased"/> once erased.</summary>
public sealed record CollaboratorView(
    Guid Id,
    string? Name,
    CollaboratorKind Kind,
    Guid? OrganisationId,
    string? Phone,
    DateOnly EnlistedOn,
    IReadOnlyList<string> CommuneIds,
    DateOnly? LeftOn,
    string? LeaveReason,
    int Version,
    bool Erased,
    DateTimeOffset? ErasedAt)
{
    public static async Task<IReadOnlyList<CollaboratorView>> OpenAsync(
        IReadOnlyList<Collaborator> collaborators, IQuerySession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        var keys = await PersonalDetails.KeysAsync(session, collaborators.Select(c => c.Id), cancellation);
        var masked = PersonalDetails.Masked(context);
        return [.. collaborators.Select(c =>
        {
            var key = keys.GetValueOrDefault(c.Id);
            var erased = c.ErasedAt is not null || key?.WrappedKey is null;
            return new CollaboratorView(
                c.Id,
                erased ? null : protector.OpenName(key, c.Name, PersonalDetails.CollaboratorName, masked),
                c.Kind,
                c.OrganisationId,
                erased ? null : protector.OpenPhone(key, c.Phone, PersonalDetails.CollaboratorPhone, masked),
                c.EnlistedOn,
                c.CommuneIds,
                c.LeftOn,
                c.LeaveReason,
                c.Version,
                erased,
                c.ErasedAt ?? key?.ErasedAt);
        })];
    }

    /// <summary>The collaborators whose details these views show (the erased show none).</summary>
    public static IReadOnlyList<Guid> Shown(IEnumerable<CollaboratorView> views) => [.. views.Where(v => !v.Erased).Select(v => v.Id)];
}

public static class GetCollaboratorEndpoint
{
    [WolverineGet("/api/units/{unit}/collaborators/{id}")]
    [Tags("Collaborators")]
    public static async Task<CollaboratorView> Get(
        [ReadAggregate] Collaborator collaborator, IDocumentSession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        var view = (await CollaboratorView.OpenAsync([collaborator], session, protector, context, cancellation))[0];
        PersonalDataReadLog.Record(session, context, CollaboratorView.Shown([view]), PersonalDataPurposes.CollaboratorWork);
        return view;
    }
}

public static class ListCollaboratorsEndpoint
{
    /// <summary>The district's collaborators and agents still working, by name (the erased last); optionally those covering one commune.</summary>
    [WolverineGet("/api/units/{unit}/collaborators")]
    [Tags("Collaborators")]
    public static async Task<IReadOnlyList<CollaboratorView>> Get(
        string? communeId, IDocumentSession session, PersonalDataProtector protector, HttpContext context, CancellationToken cancellation)
    {
        // Names are sealed, so the order is made after opening them.
        var working = await session.Query<Collaborator>().Where(c => c.LeftOn == null).ToListAsync(cancellation);
        var covering = string.IsNullOrEmpty(communeId) ? working : [.. working.Where(c => c.CommuneIds.Contains(communeId))];
        var views = await CollaboratorView.OpenAsync(covering, session, protector, context, cancellation);
        PersonalDataReadLog.Record(session, context, CollaboratorView.Shown(views), PersonalDataPurposes.CollaboratorWork);
        return [.. views.OrderBy(v => v.Name is null).ThenBy(v => v.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
    }
}
