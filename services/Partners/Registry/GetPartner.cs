using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

public static class GetPartnerEndpoint
{
    [WolverineGet("/api/units/{unit}/partners/{id}")]
    [Tags("Partners")]
    public static Partner Get([ReadAggregate] Partner partner) => partner;
}
