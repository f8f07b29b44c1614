using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

/// <summary>Take a commune off a collaborator's list.</summary>
public sealed record UnassignCommune(long Version);

public static class UnassignCommuneEndpoint
{
    public static ProblemDetails Validate(Collaborator collaborator, string communeId) =>
        CollaboratorRules.StillWorking(collaborator)
            .Then(() => collaborator.CommuneIds.Contains(communeId)
                ? WolverineContinue.NoProblems
                : ProblemResults.NotFound("Cộng tác viên không phụ trách xã này.", "The collaborator does not cover this commune."));

    [WolverinePost("/api/units/{unit}/collaborators/{id}/communes/{communeId}/remove")]
    [Tags("Collaborators")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(UnassignCommune command, [WriteAggregate] Collaborator collaborator, string communeId) =>
        (Results.Ok(new Written(collaborator.Id, collaborator.Version + 1)), [new CollaboratorUnassignedFromCommune(collaborator.Id, communeId)]);
}
