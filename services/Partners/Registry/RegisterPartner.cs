using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Registry;

/// <summary>Register a partner organisation in a district.</summary>
public sealed record RegisterPartner(string Name, PartnerType? Type, string? CommuneId);

public static class RegisterPartnerEndpoint
{
    public static ProblemDetails Validate(RegisterPartner command) =>
        new Check()
            .Text("name", command.Name, "Tên đơn vị", "Name", maxLength: 300)
            .That(command.Type is not null, "type", "required", "Loại đơn vị không được để trống.", "Type is required.")
            .Text("communeId", command.CommuneId, "Xã, phường", "Commune", maxLength: 100, required: false)
            .ToProblem();

    [WolverinePost("/api/units/{unit}/partners")]
    [Tags("Partners")]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(RegisterPartner command, string unit)
    {
        var id = Guid.CreateVersion7();
        var registered = new PartnerOrganisationRegistered(id, command.Name.Trim(), command.Type!.Value, command.CommuneId);
        return (
            new CreationResponse<Guid>($"/api/units/{unit}/partners/{id}", id),
            MartenOps.StartStream<Partner>(id, registered),
            [new PartnerRegistered(id, registered.Name, registered.Type.ToString(), registered.CommuneId)]);
    }
}
