using BhxhPlatform.ServiceDefaults.Audit;
using Npgsql;

namespace BhxhPlatform.Audit.Tests;

/// <summary>
/// Someone with write access to the database and the source code: changes rows of <c>mt_events</c> with
/// plain SQL, then recomputes every event's hash chain (in the published format) and every unsigned
/// anchor, and puts each stream's recorded version in line, so everything inside PostgreSQL agrees again.
/// </summary>
public sealed class Attacker(AuditFixture fixture)
{
    private const string Schema = AuditFixture.Schema;

    public async Task TamperAsync(string tenant, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        await RehashAsync(connection, tenant);
        await ReanchorAsync(connection, tenant);
        await using var streams = new NpgsqlCommand(
            $"update {Schema}.mt_streams s set version = (select max(version) from {Schema}.mt_events e where e.stream_id = s.id and e.tenant_id = s.tenant_id) " +
            "where tenant_id = @t and exists (select 1 from " + Schema + ".mt_events e where e.stream_id = s.id)", connection);
        streams.Parameters.AddWithValue("t", tenant);
        await streams.ExecuteNonQueryAsync();
    }

    private static async Task RehashAsync(NpgsqlConnection connection, string tenant)
    {
        var rows = new List<(long Seq, HashChain.FactsV2 Facts)>();
        await using (var read = new NpgsqlCommand(
            $"select seq_id, id, stream_id, version, type, timestamp, data::text, user_name, correlation_id, causation_id, headers::text " +
            $"from {Schema}.mt_events where tenant_id = @t order by stream_id, version", connection))
        {
            read.Parameters.AddWithValue("t", tenant);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var timestamp = await reader.GetFieldValueAsync<DateTimeOffset>(5);
                rows.Add((reader.GetInt64(0), new HashChain.FactsV2(reader.GetGuid(1), tenant, reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                    timestamp, reader.GetString(6), Text(reader, 7), Text(reader, 8), Text(reader, 9),
                    HashChain.CoveredHeaders(Text(reader, 10)))));
            }
        }

        Guid? stream = null;
        var previous = HashChain.Genesis;
        foreach (var (seq, facts) in rows)
        {
            if (facts.StreamId != stream)
            {
                stream = facts.StreamId;
                previous = HashChain.Genesis;
            }

            var hash = HashChain.ComputeV2(previous, facts);
            await using var write = new NpgsqlCommand(
                $"update {Schema}.mt_events set headers = coalesce(headers, '{{}}'::jsonb) || jsonb_build_object(@h, @hash, @p, @previous, @f, '2') where seq_id = @seq",
                connection);
            write.Parameters.AddWithValue("h", HashChain.HashHeader);
            write.Parameters.AddWithValue("hash", hash);
            write.Parameters.AddWithValue("p", HashChain.PreviousHeader);
            write.Parameters.AddWithValue("previous", previous);
            write.Parameters.AddWithValue("f", HashChain.FormatHeader);
            write.Parameters.AddWithValue("seq", seq);
            await write.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    /// <summary>The unsigned anchors in the database are recomputed too: they are no obstacle to this attacker.</summary>
    private static async Task ReanchorAsync(NpgsqlConnection connection, string tenant)
    {
        var events = new List<(long Seq, string? Hash)>();
        await using (var read = new NpgsqlCommand(
            $"select seq_id, headers ->> '{HashChain.HashHeader}' from {Schema}.mt_events where tenant_id = @t order by seq_id", connection))
        {
            read.Parameters.AddWithValue("t", tenant);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add((reader.GetInt64(0), Text(reader, 1)));
            }
        }

        var anchors = new List<(string Id, long Last)>();
        await using (var read = new NpgsqlCommand(
            $"select id, (data ->> 'lastSequence')::bigint from {Schema}.mt_doc_auditanchor where tenant_id = @t", connection))
        {
            read.Parameters.AddWithValue("t", tenant);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                anchors.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        foreach (var (id, last) in anchors)
        {
            var head = HashChain.Genesis;
            var count = 0;
            foreach (var (_, hash) in events.Where(e => e.Seq <= last))
            {
                head = HashChain.NextTenantHead(head, hash);
                count++;
            }

            await using var write = new NpgsqlCommand(
                $"update {Schema}.mt_doc_auditanchor set data = data || jsonb_build_object('tenantChainHead', @head, 'events', @count) where id = @id and tenant_id = @t",
                connection);
            write.Parameters.AddWithValue("head", head);
            write.Parameters.AddWithValue("count", count);
            write.Parameters.AddWithValue("id", id);
            write.Parameters.AddWithValue("t", tenant);
            await write.ExecuteNonQueryAsync();
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
