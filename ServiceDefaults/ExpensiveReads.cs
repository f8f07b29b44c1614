using System.Globalization;
using System.Threading.RateLimiting;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BhxhPlatform.ServiceDefaults;

/// <summary>
/// Reads that walk a whole unit's history (chain verification, the rebuild check, exports) are
/// limited per user with ASP.NET Core's rate limiter: a fixed window of
/// <c>RateLimits:ExpensiveReads:PermitLimit</c> calls (default 10) per
/// <c>RateLimits:ExpensiveReads:WindowSeconds</c> (default 60). One more is a 429 problem with Retry-After.
/// </summary>
public static class ExpensiveReads
{
    public const string Policy = "expensive-reads";

    public static IHostApplicationBuilder AddExpensiveReadLimits(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("RateLimits:ExpensiveReads");
        var permits = int.TryParse(section["PermitLimit"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 10;
        var window = TimeSpan.FromSeconds(int.TryParse(section["WindowSeconds"], CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 60);

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellation) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : (int)window.TotalSeconds;
                var context = rejected.HttpContext;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(new ProblemDetails
                {
                    Type = ProblemResults.TypeBase + "too-many-requests",
                    Title = "Quá nhiều yêu cầu / Too many requests",
                    Status = StatusCodes.Status429TooManyRequests,
                    Detail = $"Tối đa {permits} lần trong {(int)window.TotalSeconds} giây; thử lại sau {seconds} giây. "
                        + $"/ At most {permits} calls in {(int)window.TotalSeconds} seconds; try again in {seconds} seconds.",
                }).ExecuteAsync(context);
            };
        });
        return builder;
    }
}
