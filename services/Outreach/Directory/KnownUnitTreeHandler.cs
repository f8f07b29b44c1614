using BhxhPlatform.Contracts.Planning;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;

namespace BhxhPlatform.Outreach.Directory;

/// <summary>Outreach learns the unit tree from Planning: where an activity or a prospect's commune must lie on its date.</summary>
public static class UnitTreeChangedHandler
{
    public static Task Handle(UnitTreeChanged message, IDocumentSession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        KnownUnitTree.HandleAsync(message, session, directory, cancellation);
}
