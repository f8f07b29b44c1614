using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Request bodies above 1 MiB are refused with a 413 problem: a declared Content-Length before anything
/// reads the body, a chunked body when Kestrel's limit stops the read (a batched sync of a hundred
/// activities is a few tens of kilobytes; an enrolment import of 5000 rows about 250 KiB).
/// </summary>
public static class RequestLimits
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    internal static Task TooLargeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Results.Problem(new ProblemDetails
        {
            Type = ProblemResults.TypeBase + "payload-too-large",
            Title = "Nội dung gửi lên quá lớn / The request body is too large",
            Status = StatusCodes.Status413PayloadTooLarge,
            Detail = $"Tối đa {MaxRequestBodyBytes} byte. Không có gì được ghi. / At most {MaxRequestBodyBytes} bytes. Nothing was recorded.",
        }).ExecuteAsync(context);
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxRequestBodyBytes)
            {
                await TooLargeAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            try
            {
                await next(context);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                // A chunked body (no Content-Length) is only found too large while an endpoint reads it:
                // Kestrel throws, before anything was written, and the answer is the same problem.
                context.Response.Clear();
                await TooLargeAsync(context);
            }
        });
        return app;
    }
}
