using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.ServiceDefaults.Audit;

/// <summary>
/// The audit API every service exposes under <c>/api/units/{unit}/audit</c>: read-only views of
/// the event history, state as of a time or version, export, rebuild check and tamper check.
/// </summary>
public static class AuditEndpoints
{
    public const string Tag = "Audit";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/units/{unit}/audit").WithTags(Tag);

        audit.MapGet("/streams/{id:guid}/events", (string unit, Guid id, EventLog log, CancellationToken ct) =>
                log.ReadAsync(new EventQuery(unit, StreamId: id), ct))
            .WithSummary("The events of one stream, in version order, with who, when, tenant, correlation and causation.");

        audit.MapGet("/events", (string unit, DateTimeOffset? from, DateTimeOffset? to, string? type, string? user, long? afterSequence, int? limit,
                EventLog log, CancellationToken ct) =>
                new Problems.Check().Period(from, to) is { IsValid: false } check
                    ? Results.Problem(Problems.ProblemResults.ValidationProblem(check.Errors))
                    : Results.Ok(log.ReadAsync(new EventQuery(unit, null, from, to, type, user, afterSequence, Math.Clamp(limit ?? 1000, 1, 10_000)), ct)))
            .WithSummary("The events of a unit in a time range, filterable by event type and user; page with afterSequence.");

        audit.MapGet("/timeline", async (string unit, DateTimeOffset? from, DateTimeOffset? to, string? user, string? correlationId, long? afterSequence, int? limit,
                EventLog log, Security.PlatformService service, CancellationToken ct) =>
            {
                var check = new Problems.Check().Period(from, to);

                check.Range("limit", limit ?? Timeline.DefaultLimit, 1, Timeline.MaxLimit, "Số sự kiện mỗi trang", "The page size");
                check.Text("user", user, "Người dùng", "The user", 200, required: false);
                check.Text("correlationId", correlationId, "Mã tương quan", "The correlation id", 200, required: false);
                if (afterSequence is < 0)
                {
                    check.Add("afterSequence", "negative", "Số thứ tự bắt đầu không được âm.", "afterSequence must not be negative.");
                }

                return check.IsValid
                    ? Results.Ok(await Timeline.ReadAsync(log, service.Name,
                        new EventQuery(unit, null, from, to, null, user, afterSequence, null, null, correlationId), limit ?? Timeline.DefaultLimit, ct))
                    : Results.Problem(Problems.ProblemResults.ValidationProblem(check.Errors));
            })
            .WithSummary("The auditor's timeline of the unit in this service: who, when, why, type, stream, correlation and causation, "
                + "filterable by time range, user and correlation id, in sequence order, paged with afterSequence; personal values masked.");

        audit.MapGet("/streams/{id:guid}/state", async (string unit, Guid id, DateTimeOffset? asOf, long? version, AggregateHistory history, CancellationToken ct) =>
                await history.StateAsync(unit, id, asOf, version, ct) is { } found
                    ? Results.Ok(new { streamId = id, aggregateType = found.Type, asOf, version = found.Version, state = found.State })
                    : Results.Problem(Problems.ProblemResults.NotFound("Không có luồng sự kiện này.", "There is no such event stream.")))
            .WithSummary("An aggregate's state as of a date and time (asOf) and/or a version.");

        audit.MapGet("/verify", (string unit, ChainVerifier verifier, CancellationToken ct) => verifier.VerifyAsync(unit, null, ct))
            .WithSummary("Recomputes the hash chain of every stream of the unit and reports the first broken link of each (auditors and administrators, rate-limited per user).")
            .RequireRateLimiting(ExpensiveReads.Policy);

        audit.MapPost("/anchors", (string unit, HttpContext context, ChainVerifier verifier, TimeProvider clock, CancellationToken ct) =>
                verifier.AnchorAsync(unit, context.User.Identity?.Name ?? "anonymous", clock.GetUtcNow(), ct))
            .WithSummary("Records the head of the unit's running chain over all its events (provincial administrator); verify checks every anchor.");

        audit.MapGet("/checkpoints", (string unit, Checkpoints.ICheckpointStore store, Checkpoints.AuditCheckpointSettings settings, CancellationToken ct) =>
                store.ListAsync(settings.Service, unit, ct))
            .WithSummary("The signed checkpoints of the unit (kept outside the database), oldest first: each names the one before it.");

        audit.MapPost("/checkpoints", async (string unit, Checkpoints.CheckpointWriter writer, CancellationToken ct) =>
            {
                if (writer.Signer is null)
                {
                    return Results.Problem(Problems.ProblemResults.Conflict("no-signing-key",
                        "Dịch vụ chưa được cấu hình khoá ký điểm kiểm tra (Audit:SigningKey).",
                        "No checkpoint signing key (Audit:SigningKey) is configured for this service."));
                }

                try
                {
                    return Results.Ok(await writer.WriteNowAsync(unit, ct));
                }
                catch (InvalidOperationException e)
                {
                    return Results.Problem(Problems.ProblemResults.Conflict("checkpoint-refused",
                        "Không thể ghi điểm kiểm tra: điểm kiểm tra trước không hợp lệ.", e.Message));
                }
            })
            .WithSummary("Writes and signs a checkpoint of the unit now (head of every stream, Merkle root, unit chain, highest sequence), outside the database.");

        audit.MapGet("/checkpoints/public-key", (Checkpoints.AuditCheckpointSettings settings) =>
                settings.Signer is { } signer
                    ? Results.Ok(signer.PublicKey)
                    : Results.Problem(Problems.ProblemResults.NotFound("Chưa có khoá ký điểm kiểm tra.", "No checkpoint signing key is configured.")))
            .WithSummary("The public key the checkpoints are signed with (PEM), its algorithm and key id: check checkpoints with it offline (tools/AuditVerify).");

        audit.MapGet("/streams/{id:guid}/verify", (string unit, Guid id, ChainVerifier verifier, CancellationToken ct) => verifier.VerifyAsync(unit, id, ct))
            .WithSummary("Recomputes the hash chain of one stream.");

        audit.MapGet("/rebuild-check", (string unit, AggregateHistory history, CancellationToken ct) => history.CheckRebuildAsync(unit, ct))
            .WithSummary("Rebuilds every aggregate of the unit from its events into a scratch copy and compares it with the live read model (auditors and administrators, rate-limited per user).")
            .RequireRateLimiting(ExpensiveReads.Policy);

        audit.MapGet("/export", async (HttpContext context, string unit, DateTimeOffset? from, DateTimeOffset? to, string? format, EventExport export) =>
            {
                if (new Problems.Check().Period(from, to) is { IsValid: false } check)
                {
                    await Results.Problem(Problems.ProblemResults.ValidationProblem(check.Errors)).ExecuteAsync(context);
                    return;
                }

                var kind = format == EventExport.Csv ? EventExport.Csv : EventExport.NdJson;
                context.Response.ContentType = kind == EventExport.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{unit}-events.{kind}\"";
                await export.WriteAsync(context.Response.Body, unit, from, to, kind, includeManifestLine: true, context.RequestAborted);
            })
            .WithSummary("Streams the unit's events in a time range as NDJSON (ending with a manifest line) or CSV (auditors and administrators, rate-limited per user).")
            .RequireRateLimiting(ExpensiveReads.Policy);

        audit.MapGet("/export/manifest", async (string unit, DateTimeOffset? from, DateTimeOffset? to, string? format, EventExport export, CancellationToken ct) =>
                new Problems.Check().Period(from, to) is { IsValid: false } check
                    ? Results.Problem(Problems.ProblemResults.ValidationProblem(check.Errors))
                    : Results.Ok(await export.WriteAsync(Stream.Null, unit, from, to, format == EventExport.Csv ? EventExport.Csv : EventExport.NdJson, includeManifestLine: false, ct)))
            .WithSummary("The manifest of an export (count, first and last sequence, SHA-256, tenant chain head) without its content (auditors and administrators, rate-limited per user).")
            .RequireRateLimiting(ExpensiveReads.Policy);

        return app;
    }

    internal static IServiceCollection AddAudit(this IServiceCollection services, AggregateTypes aggregates)
    {
        services.AddSingleton(aggregates);
        services.AddSingleton<EventLog>();
        services.AddSingleton<ChainVerifier>();
        services.AddSingleton<AggregateHistory>();
        services.AddSingleton<EventExport>();
        return services;
    }
}
