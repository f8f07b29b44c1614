using BhxhPlatform.Contracts.Partners;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Directory;

/// <summary>Outreach's directory of partner organisations, fed by Partners; keyed by the partner id.</summary>
public sealed record KnownPartner(Guid Id, string Name, string PartnerType, string? CommuneId)
{
    /// <summary>The partner type of the organisations that collect contributions and take over hand-offs.</summary>
    public const string CollectionServiceOrganisation = "CollectionServiceOrganisation";

    public bool IsCollectionServiceOrganisation => PartnerType == CollectionServiceOrganisation;
}

public static class PartnerRegisteredHandler
{
    public static void Handle(PartnerRegistered message, IDocumentSession session) =>
        session.Store(new KnownPartner(message.PartnerId, message.Name, message.PartnerType, message.CommuneId));
}

public static class GetKnownPartnersEndpoint
{
    [WolverineGet("/api/units/{unit}/known-partners")]
    [Tags("Directory")]
    public static Task<IReadOnlyList<KnownPartner>> Get(string unit, IQuerySession session, CancellationToken cancellation) =>
        session.Query<KnownPartner>().OrderBy(p => p.Name).ToListAsync(cancellation);
}
