using BhxhPlatform.Partners.PersonalData;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

public static class EraseCollaboratorEndpoint
{
    public static ProblemDetails Validate(ErasePersonalDetails command) => PersonalDetails.Validate(command);

    /// <summary>
    /// Crypto-shredding of a collaborator's name and phone (working or left): their key is destroyed and a
    /// <see cref="CollaboratorErased"/> without personal data is appended; kind, organisation, communes and dates stay.
    /// </summary>
    [WolverinePost("/api/units/{unit}/collaborators/{id}/erase")]
    [Tags("Collaborators")]
    public static async Task<(IResult, Events)> Post(
        ErasePersonalDetails command, [WriteAggregate] Collaborator collaborator, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var destroyed = await PersonalDetails.DestroyKeyAsync(session, collaborator.Id, now, cancellation);
        return destroyed || collaborator.ErasedAt is null
            ? (Results.NoContent(), [new CollaboratorErased(collaborator.Id, command.Reason!.Value, now)])
            : (Results.NoContent(), []);
    }
}
