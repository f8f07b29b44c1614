using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;

namespace BhxhPlatform.Partners.Plans;

/// <summary>Partners learns the unit tree from Planning (which offices exist, and their communes by date).</summary>
public static class UnitTreeChangedHandler
{
    public static Task Handle(UnitTreeChanged message, IDocumentSession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        KnownUnitTree.HandleAsync(message, session, directory, cancellation);
}

/// <summary>Where a record of the unit may name a commune: by the tree valid on the record's day once Planning announced one, else by id form.</summary>
public sealed record CommunesOfUnit(string Unit, KnownUnitTree? Tree)
{
    public bool Has(string? commune, DateOnly day) =>
        Tree is null ? Registry.PartnerChecks.IsCommuneOf(commune, Unit) : commune is not null && Tree.CommuneBelongsTo(commune, Unit, day);

    public static async Task<CommunesOfUnit> LoadAsync(IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(session.TenantId, await KnownUnitTree.OfUnitAsync(session, directory, session.TenantId, cancellation));
    }
}
