using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace BhxhPlatform.ServiceDefaults.DeadLetters;

/// <summary>
/// Wolverine's dead-letter API for the service's own dead-letter table, for provincial
/// administrators only: <c>POST /api/admin/dead-letters</c> lists, <c>POST …/replay</c> with
/// <c>{ "ids": [...] }</c> puts messages back to be handled again, <c>DELETE …</c> discards.
/// Not in the OpenAPI document: it is an operator tool, not part of the service's contract.
/// </summary>
public static class DeadLetterEndpoints
{
    public const string Route = "/api/admin/dead-letters";

    public static WebApplication MapDeadLetterEndpoints(this WebApplication app)
    {
        app.MapDeadLettersEndpoints(Route)
            .ExcludeFromDescription();
        return app;
    }
}
