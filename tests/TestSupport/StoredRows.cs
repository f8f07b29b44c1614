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

    /// <summary>
    /// Every row of every table in every schema but PostgreSQL's own (the services' events and documents, Wolverine's
    /// envelopes, queues and dead letters, Marten's dead-letter events), each as "schema.table: value | value …";
    /// a byte array (an envelope's body) is read as UTF-8, so the JSON inside it reads as text.
    /// </summary>
    public static async Task<string> TextAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string Schema, string Name)>();
        await using (var list = new NpgsqlCommand(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' "
            + "and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var text = new System.Text.StringBuilder();
        foreach (var (schema, name) in tables)
        {
            await using var select = new NpgsqlCommand($"select * from \"{schema}\".\"{name}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.Append(schema).Append('.').Append(name).Append(": ");
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(await reader.IsDBNullAsync(i) ? "" : reader.GetValue(i) switch
                    {
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        System.Collections.IEnumerable values and not string => string.Join(", ", values.Cast<object?>()),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    }).Append(" | ");
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
