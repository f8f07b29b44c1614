using JasperFx.Events.Projections;
using Marten;

namespace BhxhPlatform.Planning.Templates;

public static class Configuration
{
    public static StoreOptions AddTemplates(this StoreOptions options)
    {
        // Inline: the office that drafts a template reads it back at once.
        options.Projections.Snapshot<PlanTemplate>(SnapshotLifecycle.Inline);
        return options;
    }
}
