using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace BhxhPlatform.Outreach.Directory;

/// <summary>Partners told Outreach a partner organisation was registered (or restated its registration).</summary>
public sealed record PartnerRegistrationReceived(Guid PartnerId, string Name, string PartnerType, string? CommuneId, Guid MessageId);

/// <summary>Partners told Outreach a partner organisation's status changed (suspended, reactivated, dissolved) at its version <paramref name="Revision"/>.</summary>
public sealed record PartnerStatusReceived(Guid PartnerId, string Status, DateOnly ChangedOn, long Revision, Guid MessageId);

/// <summary>
/// Outreach's directory of partner organisations, fed by Partners (a stream per partner, inline snapshot):
/// the registration as it now stands and the status (<see cref="Active"/> until Partners says otherwise).
/// </summary>
public sealed record KnownPartner(Guid Id, string Name, string PartnerType, string? CommuneId, string Status = KnownPartner.Active, long StatusRevision = 0)
{
    public const string Active = "Active";

    public static KnownPartner Create(PartnerRegistrationReceived e) => new(e.PartnerId, e.Name, e.PartnerType, e.CommuneId);

    /// <summary>A status that came before the registration itself: the name and type follow with it.</summary>
    public static KnownPartner Create(PartnerStatusReceived e) => new(e.PartnerId, "", "", null, e.Status, e.Revision);

    /// <summary>A registration restated: the details replaced, the status kept.</summary>
    public KnownPartner Apply(PartnerRegistrationReceived e) => this with { Name = e.Name, PartnerType = e.PartnerType, CommuneId = e.CommuneId };

    /// <summary>A status older than the one held (handled out of order) changes nothing.</summary>
    public KnownPartner Apply(PartnerStatusReceived e) => e.Revision <= StatusRevision ? this : this with { Status = e.Status, StatusRevision = e.Revision };

    public bool IsActive => Status == Active;

    /// <summary>The partner type of the organisations that collect contributions and take over hand-offs.</summary>
    public const string CollectionServiceOrganisation = "CollectionServiceOrganisation";

    public bool IsCollectionServiceOrganisation => PartnerType == CollectionServiceOrganisation;
}

public static class PartnerRegisteredHandler
{
    /// <summary>Kept as an event of the partner's stream (on the timeline under the sender's correlation id); a repeat changes nothing.</summary>
    public static async Task Handle(PartnerRegistered message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        await session.AppendIfChangedAsync<KnownPartner, PartnerRegistrationReceived>(
            message.PartnerId, new PartnerRegistrationReceived(message.PartnerId, message.Name, message.PartnerType, message.CommuneId, envelope.Id),
            (known, received) => known is null ? KnownPartner.Create(received) : known.Apply(received), cancellation);
    }
}

public static class PartnerStatusChangedHandler
{
    /// <summary>Kept as an event of the partner's stream; a repeat, or a status older than the one held, appends nothing.</summary>
    public static async Task Handle(PartnerStatusChanged message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        await session.AppendIfChangedAsync<KnownPartner, PartnerStatusReceived>(
            message.PartnerId, new PartnerStatusReceived(message.PartnerId, message.Status, message.ChangedOn, message.Revision, envelope.Id),
            (known, received) => known is null ? KnownPartner.Create(received) : known.Apply(received), cancellation);
    }
}

public static class GetKnownPartnersEndpoint
{
    [WolverineGet("/api/units/{unit}/known-partners")]
    [Tags("Directory")]
    public static Task<IReadOnlyList<KnownPartner>> Get(string unit, IQuerySession session, CancellationToken cancellation) =>
        session.Query<KnownPartner>().Where(p => p.Name != "").OrderBy(p => p.Name).ToListAsync(cancellation);
}
