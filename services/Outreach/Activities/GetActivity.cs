using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Outreach.Activities;

public static class GetActivityEndpoint
{
    [WolverineGet("/api/units/{unit}/activities/{id}")]
    [Tags("Activities")]
    public static Activity Get([ReadAggregate] Activity activity) => activity;
}
