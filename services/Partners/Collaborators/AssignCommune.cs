using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.Plans;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

/// <summary>Assign a collaborator to one more commune of the district.</summary>
public sealed record AssignCommune(long Version, string CommuneId);

public static class AssignCommuneEndpoint
{
    public static Task<CommunesOfUnit> LoadAsync(AssignCommune command, IQuerySession session, OrganisationDirectory directory, CancellationToken cancellation) =>
        CommunesOfUnit.LoadAsync(session, directory, cancellation);

    public static ProblemDetails Validate(AssignCommune command, Collaborator collaborator, CommunesOfUnit unitCommunes, TimeProvider clock) =>
        new Check()
            .That(unitCommunes.Has(command.CommuneId, AgreementSchedule.Today(clock)), "communeId", "not-in-district",
                $"Xã, phường không thuộc đơn vị vào ngày {AgreementSchedule.Today(clock):yyyy-MM-dd}.",
                $"The commune is not one of the unit's on {AgreementSchedule.Today(clock):yyyy-MM-dd}.")
            .ToProblem()
            .Then(() => CollaboratorRules.StillWorking(collaborator))
            .Then(() => collaborator.CommuneIds.Contains(command.CommuneId)
                ? ProblemResults.Conflict("already-assigned", "Cộng tác viên đã phụ trách xã này.", "The collaborator already covers this commune.")
                : collaborator.CommuneIds.Count >= EnlistCollaboratorEndpoint.MaxCommunes
                    ? ProblemResults.Rejected("too-many-communes", "Đã đủ số xã tối đa.", "The collaborator covers the most communes allowed.")
                    : WolverineContinue.NoProblems);

    [WolverinePost("/api/units/{unit}/collaborators/{id}/communes")]
    [Tags("Collaborators")]
    [ProducesResponseType<Written>(StatusCodes.Status200OK)]
    public static (IResult, Events) Post(AssignCommune command, [WriteAggregate] Collaborator collaborator) =>
        (Results.Ok(new Written(collaborator.Id, collaborator.Version + 1)), [new CollaboratorAssignedToCommune(collaborator.Id, command.CommuneId)]);
}

public static class CollaboratorRules
{
    public static ProblemDetails StillWorking(Collaborator collaborator) =>
        collaborator.HasLeft
            ? ProblemResults.Conflict("collaborator-left", "Cộng tác viên đã nghỉ.", "The collaborator has left.")
            : WolverineContinue.NoProblems;
}
