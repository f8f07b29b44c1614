using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.ServiceDefaults.Problems;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error leaves as problem details: unhandled exceptions, malformed JSON
    /// (<see cref="BadHttpRequestException"/>) and bare status codes alike.
    /// </summary>
    public static IServiceCollection AddBilingualProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (context.Exception is BadHttpRequestException badRequest)
            {
                context.ProblemDetails.Status = badRequest.StatusCode;
                context.HttpContext.Response.StatusCode = badRequest.StatusCode;
                context.ProblemDetails.Type = ProblemResults.TypeBase + "malformed-request";
                context.ProblemDetails.Title = "Yêu cầu không đọc được / The request could not be read";
                context.ProblemDetails.Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "Nội dung gửi lên quá lớn. / The request body is too large."
                    : "Nội dung JSON sai cú pháp hoặc sai kiểu dữ liệu. Không có gì được ghi. / The JSON is malformed or has a wrong type. Nothing was recorded.";
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<AlreadyExistsExceptionHandler>();
        services.AddExceptionHandler<MissingStreamConflicts.ExceptionHandler>();
        return services;
    }

    /// <summary>Turns a malformed body into a 400 (or 413) problem instead of a 500.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var badRequest = exception as BadHttpRequestException ?? exception.InnerException as BadHttpRequestException;
            if (badRequest is null)
            {
                return false;
            }

            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = badRequest,
                ProblemDetails = new ProblemDetails { Status = badRequest.StatusCode },
            });
        }
    }

    /// <summary>
    /// Two requests that create the same stream (a deterministic id, such as one plan per district
    /// and year) or the same document at the same moment: the loser gets a 409 problem, not a 500.
    /// </summary>
    private sealed class AlreadyExistsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var collision = false;
            for (var e = exception; e is not null && !collision; e = e.InnerException)
            {
                collision = e is Marten.Exceptions.ExistingStreamIdCollisionException
                    or JasperFx.Events.ExistingStreamIdCollisionException
                    or JasperFx.DocumentAlreadyExistsException;
            }

            if (!collision)
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = ProblemResults.Conflict(
                    "already-exists", "Bản ghi này đã được tạo (có thể bởi một yêu cầu khác cùng lúc).",
                    "This record already exists (perhaps created by another request at the same moment)."),
            });
        }
    }
}
