using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Partners.Collaborators;

public static class Configuration
{
    public static StoreOptions AddCollaborators(this StoreOptions options)
    {
        options.Projections.Snapshot<Collaborator>(SnapshotLifecycle.Inline);
        return options;
    }
}
