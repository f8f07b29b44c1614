using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BhxhPlatform.ServiceDefaults.Problems;

/// <summary>
/// Wolverine answers a body it cannot deserialize (bad syntax, a wrong type, an unknown enum
/// value) with an English-only problem. This middleware gives that answer the platform's shape:
/// Vietnamese and English, the JSON path of the offending value, and a stable type.
/// Only write requests are buffered, and only their (small) responses.
/// </summary>
public static class MalformedJsonProblems
{
    private const string WolverineTitle = "Invalid JSON format";

    public static WebApplication UseBilingualMalformedJsonProblems(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ||
                !context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            buffer.Position = 0;
            if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Kestrel stopped a chunked body at the limit while Wolverine read it: Wolverine answered
                // with the exception's English message; the answer is the platform's bilingual problem.
                context.Response.ContentLength = null;
                await RequestLimits.TooLargeAsync(context);
                return;
            }

            if (context.Response.StatusCode == StatusCodes.Status400BadRequest &&
                context.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true &&
                await WolverineDetailAsync(buffer) is { } detail)
            {
                context.Response.ContentLength = null;
                await Results.Problem(new ProblemDetails
                {
                    Type = ProblemResults.TypeBase + "malformed-request",
                    Title = "Yêu cầu không đọc được / The request could not be read",
                    Status = StatusCodes.Status400BadRequest,
                    Detail = "Nội dung JSON sai cú pháp, sai kiểu dữ liệu hoặc có giá trị không được phép. Không có gì được ghi. / " +
                             "The JSON is malformed, has a wrong type or a value that is not allowed. Nothing was recorded.",
                    Extensions = { ["code"] = "malformed-request", ["reason"] = detail },
                }).ExecuteAsync(context);
                return;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });
        return app;
    }

    private static async Task<string?> WolverineDetailAsync(Stream body)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body);
            return document.RootElement.TryGetProperty("title", out var title) && title.GetString() == WolverineTitle
                ? document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? string.Empty : string.Empty
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
