using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Activities;

public static class GetActivityEndpoint
{
    [WolverineGet("/api/units/{unit}/activities/{id}")]
    [Tags("Activities")]
    public static Activity Get([ReadAggregate] Activity activity) => activity;
}

/// <summary>
/// One page of the activity log: <see cref="Items"/> in order of start time (then id), and
/// <see cref="Next"/>, the cursor to pass as <c>after</c> for the following page, or null on the last page.
/// </summary>
public sealed record ActivityLogPage(IReadOnlyList<Activity> Items, string? Next);

/// <summary>The filters of the activity log; <see cref="From"/> and <see cref="To"/> are local days, inclusive.</summary>
public sealed record ActivityLogFilter(
    Guid? DistrictPlanId = null,
    string? Line = null,
    string? Audience = null,
    string? Commune = null,
    CommunicationForm? Form = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool IncludeVoided = false);

/// <summary>
/// The activity log of a district (the unit), filtered by plan, line, audience, commune, form and
/// period (local days, inclusive), one page at a time. Voided activities are left out unless asked for.
/// </summary>
/// <remarks>
/// Paged by keyset on (start time, id), so a page costs the same wherever it is in the log and an
/// activity logged meanwhile neither shifts nor repeats the pages after it. The stored JSON of each
/// activity goes to the response as PostgreSQL returns it, without being deserialised and serialised
/// again. The query is served by the index on (tenant, start time, id) declared in
/// <see cref="Configuration"/>.
/// </remarks>
public static class GetActivityLogEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The start time, in its own column (see <see cref="Configuration"/>).</summary>
    private const string StartedAt = "d.started_at_utc";

    [WolverineGet("/api/units/{unit}/activities")]
    [Tags("Activities")]
    [ProducesResponseType<ActivityLogPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(
        string unit,
        IQuerySession session,
        Guid? districtPlanId,
        string? line,
        string? audience,
        string? commune,
        CommunicationForm? form,
        DateOnly? from,
        DateOnly? to,
        bool? includeVoided,
        string? after,
        int? limit,
        CancellationToken cancellation)
    {
        var take = limit ?? DefaultLimit;
        var check = new Check().Range("limit", take, 1, MaxLimit, "Số hoạt động mỗi trang", "The number of activities per page").Days(from, to);
        var cursor = default(LogCursor);
        if (after is not null && !LogCursor.TryParse(after, out cursor))
        {
            check.Add("after", "invalid-cursor",
                "Vị trí trang không hợp lệ: dùng giá trị next của trang trước.", "The page position is not valid: use the next value of the previous page.");
        }

        if (!check.IsValid)
        {
            return Results.Problem(check.ToProblem());
        }

        var filter = new ActivityLogFilter(districtPlanId, line, audience, commune, form, from, to, includeVoided == true);

        // One row more than the page tells whether there is a next page.
        await using var command = Query(session, filter, after is null ? null : cursor, take + 1);

        var items = new List<byte[]>(Math.Min(take, 64));
        var last = default(LogCursor);
        var more = false;
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                if (items.Count == take)
                {
                    more = true;
                    break;
                }

                // The stored JSON as PostgreSQL sends it (UTF-8), written out as it is: no string in between.
                items.Add(await reader.GetFieldValueAsync<byte[]>(0, cancellation));
                last = new LogCursor(await reader.GetFieldValueAsync<DateTime>(1, cancellation), reader.GetGuid(2));
            }
        }

        return new RawJsonPage(items, more ? last.ToString() : null);
    }

    /// <summary>
    /// The query of one page: up to <paramref name="take"/> rows of (stored JSON, start time, id) of the
    /// session's unit, after <paramref name="after"/>, in log order. Public so a test can check its plan.
    /// </summary>
    public static NpgsqlCommand Query(IQuerySession session, ActivityLogFilter filter, LogCursor? after, int take)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Activity)).TableName.QualifiedName;
        var command = new NpgsqlCommand();
        var where = new List<string> { "d.tenant_id = @tenant" };
        command.Parameters.AddWithValue("tenant", session.TenantId);
        if (filter.DistrictPlanId is { } plan)
        {
            where.Add("CAST(d.data -> 'details' ->> 'districtPlanId' as uuid) = @plan");
            command.Parameters.AddWithValue("plan", plan);
        }

        // A text field of the details equal to the filter's value, when the filter gives one.
        void DetailEquals(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                where.Add($"d.data -> 'details' ->> '{field}' = @{field}");
                command.Parameters.AddWithValue(field, value);
            }
        }

        DetailEquals("planLineCode", filter.Line);
        DetailEquals("audienceCode", filter.Audience);
        DetailEquals("communeId", filter.Commune);
        DetailEquals("form", filter.Form?.ToString());

        if (filter.From is { } start)
        {
            where.Add($"{StartedAt} >= @since");
            command.Parameters.AddWithValue("since", new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), Formats.VietnamOffset).ToUniversalTime());
        }

        if (filter.To is { } end)
        {
            where.Add($"{StartedAt} < @before");
            command.Parameters.AddWithValue("before", new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Formats.VietnamOffset).ToUniversalTime());
        }

        if (!filter.IncludeVoided)
        {
            where.Add("not CAST(d.data ->> 'voided' as boolean)");
        }

        if (after is { } cursor)
        {
            where.Add($"({StartedAt}, d.id) > (@afterAt, @afterId)");
            command.Parameters.Add(new NpgsqlParameter("afterAt", NpgsqlDbType.TimestampTz) { Value = cursor.StartedAt });
            command.Parameters.AddWithValue("afterId", cursor.Id);
        }

        command.Parameters.AddWithValue("take", take);
        command.CommandText =
            $"select d.data, {StartedAt}, d.id from {table} as d where {string.Join(" and ", where)} order by {StartedAt}, d.id limit @take";

        return command;
    }

    /// <summary>Where a page ends: the start time (UTC, as PostgreSQL holds it, to the microsecond) and id of its last activity.</summary>
    public readonly record struct LogCursor(DateTime StartedAt, Guid Id)
    {
        public override string ToString() =>
            Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
                $"{(StartedAt.Ticks - DateTime.UnixEpoch.Ticks).ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

        public static bool TryParse(string text, out LogCursor cursor)
        {
            cursor = default;
            if (text.Length > 100 || !Base64Url.IsValid(text))
            {
                return false;
            }

            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks
                || !Guid.TryParseExact(parts[1], "N", out var id))
            {
                return false;
            }

            cursor = new LogCursor(new DateTime(DateTime.UnixEpoch.Ticks + ticks, DateTimeKind.Utc), id);
            return true;
        }
    }

    /// <summary>Writes <c>{"items":[…stored JSON…],"next":…}</c>, the shape of <see cref="ActivityLogPage"/>.</summary>
    private sealed class RawJsonPage(IReadOnlyList<byte[]> items, string? next) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                writer.WriteRawValue(item, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("next", next);
            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
