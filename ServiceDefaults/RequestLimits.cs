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
/// Request bodies above 1 MiB are refused with a 413 problem before anything reads them (a
/// batched sync of a hundred activities is a few tens of kilobytes).
/// </summary>
public static class RequestLimits
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxRequestBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await Results.Problem(new ProblemDetails
                {
                    Type = ProblemResults.TypeBase + "payload-too-large",
                    Title = "Nội dung gửi lên quá lớn / The request body is too large",
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Detail = $"Tối đa {MaxRequestBodyBytes} byte. Không có gì được ghi. / At most {MaxRequestBodyBytes} bytes. Nothing was recorded.",
                }).ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxRequestBodyBytes;
            }

            await next(context);
        });
        return app;
    }
}
