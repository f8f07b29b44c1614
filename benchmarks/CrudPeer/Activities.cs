using Npgsql;
using NpgsqlTypes;

namespace BhxhPlatform.Benchmarks.CrudPeer;

/// <summary>The activity as the CRUD peer's client posts it: the same JSON the real service takes.</summary>
public sealed record ActivityInput(
    Guid DistrictPlanId, string PlanLineCode, string AudienceCode, string Form, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
    int PeopleReached, string? Summary, IReadOnlyList<string>? TeamMembers, string? CommuneId = null);

public static class Activities
{
    /// <summary>
    /// A table of activities and a change log written by a row trigger (after insert, update or delete, the row as JSON),
    /// as openIMIS or CiviCRM keep theirs.
    /// </summary>
    public static async Task CreateSchemaAsync(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand("""
            create schema if not exists crud;
            create table if not exists crud.activity (
                id uuid primary key, tenant_id text not null, district_plan_id uuid not null, plan_line_code text not null,
                audience_code text not null, form text not null, commune_id text, started_at timestamptz not null,
                ended_at timestamptz not null, people_reached integer not null, summary text, team_members text[] not null,
                created_at timestamptz not null default now());
            create index if not exists activity_tenant_line on crud.activity (tenant_id, plan_line_code);
            create table if not exists crud.audit_log (
                id bigserial primary key, table_name text not null, row_id uuid not null, operation text not null,
                changed_at timestamptz not null default now(), changed_by text not null default current_user, row_data jsonb);
            create or replace function crud.audit_activity() returns trigger language plpgsql as $$
            begin
                insert into crud.audit_log (table_name, row_id, operation, row_data)
                values (TG_TABLE_NAME, coalesce(new.id, old.id), TG_OP, to_jsonb(coalesce(new, old)));
                return null;
            end $$;
            drop trigger if exists activity_audit on crud.activity;
            create trigger activity_audit after insert or update or delete on crud.activity
                for each row execute function crud.audit_activity();
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Validates as the real command does (what can be checked without a plan), then one insert; the trigger writes the log.</summary>
    public static async Task<IResult> LogAsync(string unit, ActivityInput input, NpgsqlDataSource dataSource, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(dataSource);
        if (string.IsNullOrWhiteSpace(input.PlanLineCode) || input.PeopleReached < 0 || input.EndedAt < input.StartedAt)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["activity"] = ["invalid"] });
        }

        var id = Guid.CreateVersion7();
        await using var insert = dataSource.CreateCommand("""
            insert into crud.activity (id, tenant_id, district_plan_id, plan_line_code, audience_code, form, commune_id, started_at,
                ended_at, people_reached, summary, team_members)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            """);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(unit);
        insert.Parameters.AddWithValue(input.DistrictPlanId);
        insert.Parameters.AddWithValue(input.PlanLineCode);
        insert.Parameters.AddWithValue(input.AudienceCode);
        insert.Parameters.AddWithValue(input.Form);
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)input.CommuneId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.AddWithValue(input.StartedAt);
        insert.Parameters.AddWithValue(input.EndedAt);
        insert.Parameters.AddWithValue(input.PeopleReached);
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)input.Summary ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.AddWithValue((input.TeamMembers ?? []).ToArray());
        await insert.ExecuteNonQueryAsync(cancellation);
        return Results.Created($"/api/units/{unit}/activities/{id}", new { value = id });
    }
}
