using System.Text;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace BhxhPlatform.ServiceDefaults.Security;

public static class SecurityExtensions
{
    /// <summary>The configuration key of the HMAC key tokens are signed with (≥ 32 bytes; the AppHost provides it).</summary>
    public const string SigningKeyConfiguration = "Auth:SigningKey";

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));

    /// <summary>Bearer tokens (JWT, HS256) on every API; the key comes only from configuration.</summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        var key = builder.Configuration[SigningKeyConfiguration];
        if (string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException(
                $"'{SigningKeyConfiguration}' must be configured with at least 32 bytes (the AppHost passes it as Auth__SigningKey).");
        }

        builder.Services.AddSingleton(OrganisationDirectory.Embedded());
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = PlatformClaims.Issuer,
                    ValidAudience = PlatformClaims.Audience,
                    IssuerSigningKey = SigningKey(key),
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        return builder;
    }

    /// <summary>
    /// Authenticates every request and guards every <c>/api</c> route: no token is a 401, a unit
    /// outside the user's reach a 403, a unit that does not exist a 404, all as problem details.
    /// </summary>
    public static WebApplication UseUnitAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            var unit = context.GetRouteValue(EndpointExtensions.UnitRouteArgument) as string;
            var organisation = context.RequestServices.GetRequiredService<OrganisationDirectory>();
            var decision = unit is null
                ? context.User.Identity?.IsAuthenticated == true ? AccessDecision.Allow : AccessDecision.Unauthenticated
                : UnitAccess.Decide(context.User, unit, context.Request.Method, organisation);

            var problem = decision switch
            {
                AccessDecision.Unauthenticated => Problem(StatusCodes.Status401Unauthorized, "unauthenticated",
                    "Cần đăng nhập (Bearer token).", "A bearer token is required."),
                AccessDecision.Forbidden => Problem(StatusCodes.Status403Forbidden, "forbidden",
                    "Bạn không có quyền với dữ liệu của đơn vị này.", "You may not do this with this unit's data."),
                AccessDecision.UnknownUnit => Problem(StatusCodes.Status404NotFound, "unknown-unit",
                    "Không có đơn vị này.", "There is no such organisation unit."),
                _ => null,
            };
            if (problem is null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = problem.Status!.Value;
            await Results.Problem(problem).ExecuteAsync(context);
        });
        return app;
    }

    private static ProblemDetails Problem(int status, string code, string vi, string en) => new()
    {
        Type = ProblemResults.TypeBase + code,
        Title = $"{vi} / {en}",
        Status = status,
        Extensions = { ["code"] = code },
    };
}
