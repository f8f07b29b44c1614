using Npgsql;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// The rows a command could leave anywhere in the database, table by table: Marten's events and streams of
/// every tenant, every document table of every service schema, Wolverine's inboxes and outboxes and its
/// PostgreSQL queues. Two counts taken around a request tell whether it stored anything at all.
/// </summary>
public static class StoredRows
{
    private const string Tables = """
        select table_schema || '.' || table_name from information_schema.tables
        where table_type = 'BASE TABLE'
          and (table_schema = 'wolverine_queues'
               or table_name like 'mt_doc_%'
               or table_name in ('mt_events', 'mt_streams', 'wolverine_outgoing_envelopes', 'wolverine_incoming_envelopes'))
        order by 1
        """;

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(Tables, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var (schema, name) = (table[..table.IndexOf('.', StringComparison.Ordinal)], table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{name}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>The tables whose count differs between two counts, as "table: before → after".</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)}")];
}
