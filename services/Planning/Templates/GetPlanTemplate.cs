using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Planning.Templates;

public static class GetPlanTemplateEndpoint
{
    [WolverineGet("/api/units/{unit}/plan-templates/{id}")]
    [Tags("Plan templates")]
    public static PlanTemplate Get([ReadAggregate] PlanTemplate template) => template;
}
