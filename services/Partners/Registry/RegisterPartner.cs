using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using BhxhPlatform.ServiceDefaults.Messaging;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Register a partner organisation in a district (no commune: its jurisdiction is the whole district).</summary>
public sealed record RegisterPartner(string Name, PartnerType? Type, string? CommuneId);

public static class RegisterPartnerEndpoint
{
    public static ProblemDetails Validate(RegisterPartner command, string unit) =>
        new Check().Details(command.Name, command.Type, command.CommuneId, unit).ToProblem();

    [WolverinePost("/api/units/{unit}/partners")]
    [Tags("Partners")]
    public static (CreationResponse<Guid>, IStartStream, Announce) Post(RegisterPartner command, string unit)
    {
        var id = Guid.CreateVersion7();
        var communeId = string.IsNullOrEmpty(command.CommuneId) ? null : command.CommuneId;
        var registered = new PartnerOrganisationRegistered(id, command.Name.Trim(), command.Type!.Value, communeId);
        return (
            new CreationResponse<Guid>($"/api/units/{unit}/partners/{id}", id),
            MartenOps.StartStream<Partner>(id, registered),
            new Announce(new PartnerRegistered(id, registered.Name, registered.Type.ToString(), registered.CommuneId)));
    }
}
