using JasperFx.Events.Projections;
using BhxhPlatform.ServiceDefaults;
using Marten;
using Marten.Schema;

namespace BhxhPlatform.Outreach.Activities;

public static class Configuration
{
    public static StoreOptions AddActivities(this StoreOptions options)
    {
        options.Projections.Snapshot<Activity>(SnapshotLifecycle.Inline);

        // The activity log pages a unit's activities by (start time, id): one index on
        // (tenant_id, start time, id) serves every page whatever the filters. The start time is a
        // column of its own, started_at_utc (a column cannot take the officer's +07:00: Npgsql
        // writes a timestamptz only from UTC), not an expression on the JSON.
        options.DuplicateColumn<Activity>(a => a.StartedAtUtc);
        options.Schema.For<Activity>()
            .StartIndexesByTenantId()
            .Index([a => a.StartedAtUtc, a => a.Id]);
        options.Projections.Add(new DistrictActivityTotalsProjection(), ProjectionLifecycle.Async);

        // The district totals add up a unit's counted activities by form and read the latest: tenant first.
        options.DuplicateColumn<CountedActivity>(c => c.AsOf);
        options.Schema.For<CountedActivity>().StartIndexesByTenantId().Index(c => c.Form).Index(c => c.AsOf);
        return options;
    }
}

/// <summary>
/// Fills the start-time column of activities stored before it existed. Marten fills a new column
/// from the stored JSON, where those activities have no <c>startedAtUtc</c> yet: it is taken from
/// their details instead. Runs at every start, after the schema is applied: once done it writes
/// nothing, but still reads the table through to find that out.
/// </summary>
public sealed class StartTimeColumnBackfill : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var table = store.Options.FindOrResolveDocumentType(typeof(Activity)).TableName.QualifiedName;
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"update {table} set started_at_utc = {schema}.mt_immutable_timestamptz(data -> 'details' ->> 'startedAt') where started_at_utc is null";
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
